package org.emporium.pricing.domain;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Rates from the European Central Bank's reference-rate XML (eurofxref-daily.xml, or a history file):
 * {@code <Cube time="2026-11-20"><Cube currency="USD" rate="1.0867"/>...}, 1 EUR = rate currency, as
 * of 14:15 CET of that day (when the ECB sets them). A history file gives each currency's newest rate.
 * Parsed without DTDs or external entities: a document that declares a DOCTYPE is refused.
 */
public final class EcbRates {

  private static final ZoneId FRANKFURT = ZoneId.of("Europe/Berlin");
  private static final LocalTime FIXING = LocalTime.of(14, 15);

  private EcbRates() {
  }

  private record Found(int line, String rate, String asOf, LocalDate day) {
  }

  public static ImportedRates read(String text, Instant now) {
    ImportedRates.Collector rates = new ImportedRates.Collector("ecb", now);
    Map<String, Found> newest = new HashMap<>();
    XMLStreamReader xml = null;
    try {
      xml = factory().createXMLStreamReader(new StringReader(text));
      LocalDate day = null;
      String asOf = null;
      while (xml.hasNext()) {
        int event = xml.next();
        int line = xml.getLocation().getLineNumber();
        if (event == XMLStreamConstants.DTD) {
          rates.refuse(line, "declares a DOCTYPE, which is not accepted");
          return rates.done();
        }
        if (event != XMLStreamConstants.START_ELEMENT || !"Cube".equals(xml.getLocalName())) {
          continue;
        }
        String time = xml.getAttributeValue(null, "time");
        String currency = xml.getAttributeValue(null, "currency");
        if (time != null) {
          day = date(time);
          asOf = day == null ? null : day.atTime(FIXING).atZone(FRANKFURT).toInstant().toString();
          if (day == null) {
            rates.refuse(line, "time must be a date such as 2026-11-20");
          }
        } else if (currency != null) {
          if (asOf == null) {
            rates.refuse(line, "names a rate outside a Cube with a valid time");
            continue;
          }
          Found found = new Found(line, xml.getAttributeValue(null, "rate"), asOf, day);
          Found earlier = newest.get(currency);
          if (earlier != null && earlier.day().equals(day)) {
            rates.refuse(line, "repeats " + currency + " for " + day + " (line " + earlier.line() + ")");
          } else if (earlier == null || earlier.day().isBefore(day)) {
            newest.put(currency, found);
          }
        }
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      rates.refuse(Math.max(line, 0), "is not well-formed XML");
      return rates.done();
    } finally {
      close(xml);
    }
    newest.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> rates.add(entry.getValue().line(),
        "EUR", entry.getKey(), entry.getValue().rate(), entry.getValue().asOf()));
    return rates.done();
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // nothing was held open: the reader reads from a string
      }
    }
  }
}
