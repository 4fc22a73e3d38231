package org.emporium.pricing.domain;

import org.emporium.platform.money.FxRate;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Import files: CSV and the ECB's XML, all or nothing, errors named by line, XML parsed safely. */
class RateFilesTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  static final String ECB = """
      <?xml version="1.0" encoding="UTF-8"?>
      <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
      \t<gesmes:subject>Reference rates</gesmes:subject>
      \t<gesmes:Sender>
      \t\t<gesmes:name>European Central Bank</gesmes:name>
      \t</gesmes:Sender>
      \t<Cube>
      \t\t<Cube time='2026-11-20'>
      \t\t\t<Cube currency='USD' rate='1.0867'/>
      \t\t\t<Cube currency='JPY' rate='163.84'/>
      \t\t\t<Cube currency='ISK' rate='149.30'/>
      \t\t</Cube>
      \t\t<Cube time='2026-11-19'>
      \t\t\t<Cube currency='USD' rate='1.0811'/>
      \t\t\t<Cube currency='CHF' rate='0.9402'/>
      \t\t</Cube>
      \t</Cube>
      </gesmes:Envelope>
      """;

  @Test
  void csvWithAHeaderInAnyOrderCommentsAndBlankLines() {
    ImportedRates read = CsvRates.read("""
        # rates of the day
        quote,base,rate,asOf
        EUR,USD,0.9215,2026-11-20T16:00:00Z

        JPY,USD,151.37,
        """, NOW);
    assertThat(read.violations()).isEmpty();
    assertThat(read.rates()).extracting(FxRate::pair).containsExactly("USD/EUR", "USD/JPY");
    assertThat(read.rates()).extracting(FxRate::source).containsOnly("csv");
    assertThat(read.rates().get(0).asOf()).isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
    assertThat(read.rates().get(1).asOf()).as("no asOf: now").isEqualTo(NOW);
  }

  @Test
  void oneBadLineRefusesTheWholeCsvFileNamingEveryLine() {
    ImportedRates read = CsvRates.read("""
        base,quote,rate
        USD,EUR,0.92
        USD,EUR,0.93
        USD,XXX,-1
        USD,GBP
        USD,JPY,151
        """, NOW);
    assertThat(read.accepted()).isFalse();
    assertThat(read.rates()).isEmpty();
    assertThat(read.violations()).extracting(Violation::field)
        .containsExactly("line 3", "line 4/quote", "line 4/rate", "line 5");
    assertThat(read.violations().get(0).message()).contains("USD/EUR").contains("line 2");
  }

  @Test
  void aCsvFileNeedsItsHeaderAndSomeRates() {
    assertThat(CsvRates.read("USD,EUR,0.92\n", NOW).violations()).extracting(Violation::field).containsExactly("line 1");
    assertThat(CsvRates.read("base,quote,rate,colour\n", NOW).violations()).extracting(Violation::field)
        .containsExactly("line 1");
    assertThat(CsvRates.read("base,quote,rate\n\n", NOW).violations()).extracting(Violation::field)
        .containsExactly("file");
  }

  @Test
  void theEcbFileGivesEachCurrencysNewestRateAgainstTheEuroAtTheFixingTime() {
    ImportedRates read = EcbRates.read(ECB, NOW);
    assertThat(read.violations()).isEmpty();
    assertThat(read.rates()).extracting(FxRate::pair).containsExactly("EUR/CHF", "EUR/ISK", "EUR/JPY", "EUR/USD");
    FxRate usd = read.rates().get(3);
    assertThat(usd.rate()).isEqualByComparingTo("1.0867");
    assertThat(usd.source()).isEqualTo("ecb");
    // 14:15 in Frankfurt in November (CET, UTC+1)
    assertThat(usd.asOf()).isEqualTo(Instant.parse("2026-11-20T13:15:00Z"));
    assertThat(read.rates().get(0).asOf()).isEqualTo(Instant.parse("2026-11-19T13:15:00Z"));
  }

  @Test
  void aBadEcbRateIsNamedByItsLineAndNothingIsTaken() {
    ImportedRates read = EcbRates.read(ECB.replace("rate='163.84'", "rate='-163.84'")
        .replace("currency='ISK'", "currency='XAU'"), NOW);
    assertThat(read.rates()).isEmpty();
    assertThat(read.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("line 10/rate", "line 11/quote");
    assertThat(EcbRates.read(ECB.replace("time='2026-11-20'", "time='yesterday'"), NOW).violations())
        .extracting(Violation::field).contains("line 8", "line 9");
  }

  @Test
  void malformedXmlAndDoctypesAreRefusedWithoutReadingAnyEntity() {
    ImportedRates broken = EcbRates.read(ECB.replace("</gesmes:Envelope>", ""), NOW);
    assertThat(broken.accepted()).isFalse();
    assertThat(broken.violations().get(0).message()).contains("well-formed");

    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <Envelope><Cube><Cube time='2026-11-20'><Cube currency='USD' rate='&x;'/></Cube></Cube></Envelope>
        """;
    ImportedRates refused = EcbRates.read(xxe, NOW);
    assertThat(refused.rates()).isEmpty();
    assertThat(refused.violations()).containsExactly(new Violation("line 2", "declares a DOCTYPE, which is not accepted"));
  }
}
