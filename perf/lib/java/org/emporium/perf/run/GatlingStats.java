package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics table of a Gatling HTML report (Gatling 3.15 writes no JSON of it): per request
 * name and for all requests, counts, requests per second and the percentiles the run was asked
 * for (perf/run asks for 50, 95, 99 and 99.9).
 */
final class GatlingStats {

  private static final Pattern HEADER = Pattern.compile("<th id=\"col-(\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)<");
  private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"");
  private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
  private static final Pattern CELL = Pattern.compile("col-(\\d+)\">([^<]*)</td>");
  private static final Pattern PERCENTILE = Pattern.compile("([0-9.]+)th pct");

  private GatlingStats() {
  }

  static ObjectNode read(Path reportDir) throws IOException {
    String html = Files.readString(reportDir.resolve("index.html"));
    Map<Integer, String> columns = new HashMap<>();
    Matcher header = HEADER.matcher(html);
    while (header.find()) {
      columns.put(Integer.parseInt(header.group(1)), field(header.group(2).trim()));
    }
    ObjectNode stats = Json.object();
    ArrayNode requests = stats.putArray("requests");
    Matcher row = ROW.matcher(html);
    int start = row.find() ? row.start() : html.length();
    while (start < html.length()) {
      String id = row.group(1);
      int end = row.find() ? row.start() : html.length();
      String chunk = html.substring(start, end);
      Matcher name = NAME.matcher(chunk);
      ObjectNode figures = "ROOT".equals(id) ? stats : requests.addObject();
      figures.put("name", name.find() ? unescape(name.group(1)) : id);
      Matcher cell = CELL.matcher(chunk);
      while (cell.find()) {
        String column = columns.get(Integer.parseInt(cell.group(1)));
        String value = cell.group(2).replace(",", "").trim();
        if (column != null && value.matches("-?[0-9.]+")) {
          figures.put(column, Double.parseDouble(value));
        }
      }
      start = end;
    }
    return stats;
  }

  private static String field(String label) {
    Matcher percentile = PERCENTILE.matcher(label);
    if (percentile.matches()) {
      return "p" + percentile.group(1).replace(".", "");
    }
    return switch (label) {
      case "Total" -> "requests";
      case "OK" -> "ok";
      case "KO" -> "ko";
      case "% KO" -> "koPercent";
      case "Cnt/s" -> "perSecond";
      case "Min" -> "min";
      case "Max" -> "max";
      case "Mean" -> "mean";
      case "Std Dev" -> "stdDev";
      default -> label;
    };
  }

  private static String unescape(String html) {
    return html.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'");
  }
}
