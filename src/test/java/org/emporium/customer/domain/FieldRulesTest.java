package org.emporium.customer.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldRulesTest {

  private static List<Violation> violations(java.util.function.BiPredicate<String, List<Violation>> rule, String value) {
    List<Violation> into = new ArrayList<>();
    boolean ok = rule.test(value, into);
    assertThat(ok).isEqualTo(into.isEmpty());
    return into;
  }

  @ParameterizedTest
  @ValueSource(strings = {"EUR", "USD", "JPY", "CHF"})
  void knownCurrenciesPass(String code) {
    assertThat(violations((v, into) -> FieldRules.currency("/c", v, into), code)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ABC", "eur", "EU", "EURO", ""})
  void unknownOrMalformedCurrenciesFail(String code) {
    assertThat(violations((v, into) -> FieldRules.currency("/c", v, into), code))
        .extracting(Violation::field).containsExactly("/c");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "en-US", "fr-CA", "zh-Hant-TW", "EN-us", "de-CH-1996"})
  void wellFormedLanguageTagsPass(String tag) {
    assertThat(violations((v, into) -> FieldRules.locale("/l", v, into), tag)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en_US", "und", "e", "english-language-tag", "en--US", "123"})
  void malformedLanguageTagsFail(String tag) {
    assertThat(violations((v, into) -> FieldRules.locale("/l", v, into), tag)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Paris", "America/Argentina/Buenos_Aires", "UTC", "Asia/Kolkata"})
  void ianaZonesPass(String zone) {
    assertThat(violations((v, into) -> FieldRules.timeZone("/t", v, into), zone)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC+3", "GMT+03:00", "+03:00", "Z", "Europe/Atlantis", "europe/paris", ""})
  void offsetsAndUnknownZonesFail(String zone) {
    assertThat(violations((v, into) -> FieldRules.timeZone("/t", v, into), zone)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+14155550100", "020 7946 0000", "555 (010) 0100"})
  void phoneNumbersPass(String phone) {
    assertThat(violations((v, into) -> FieldRules.phone("/p", v, into), phone)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "call me", "+", "(555) 010-0100", "1234567890123456789012345678901234"})
  void notPhoneNumbersFail(String phone) {
    assertThat(violations((v, into) -> FieldRules.phone("/p", v, into), phone)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ZZ", "FRA", ""})
  void countriesMustBeIsoAlpha2(String country) {
    assertThat(violations((v, into) -> FieldRules.country("/c", v, into), country)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"EU West", "-eu", "abcdefghijabcdefghijabcdefghijabc"})
  void regionsFollowThePattern(String region) {
    assertThat(violations((v, into) -> FieldRules.region("/r", v, into), region)).hasSize(1);
  }
}
