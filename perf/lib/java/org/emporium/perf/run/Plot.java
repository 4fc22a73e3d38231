package org.emporium.perf.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code throughput-latency.svg}: per second, from the node's metrics, the requests it answered
 * and the events its relay published, the mean response time, and CPU; the steps of the run
 * (warm-up, scenarios, ratio loads, baselines) as labelled bands.
 */
final class Plot {

  private static final int WIDTH = 1200;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int PANEL = 140;
  private static final int GAP = 42;
  private static final int TOP = 84;

  private record Sample(double t, double requests, double latencyMs, double events, double cpu, double machineCpu) {
  }

  private record Phase(double from, double to, String name) {
  }

  private Plot() {
  }

  static void write(Path metrics, Path phases, Path out) throws IOException {
    if (!Files.exists(metrics)) {
      return;
    }
    List<String> lines = Files.readAllLines(metrics);
    List<double[]> raw = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      raw.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
          Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
    }
    if (raw.size() < 2) {
      return;
    }
    double t0 = raw.get(0)[0];
    List<Sample> samples = new ArrayList<>();
    for (int i = 1; i < raw.size(); i++) {
      double[] a = raw.get(i - 1);
      double[] b = raw.get(i);
      double dt = (b[0] - a[0]) / 1000;
      double answered = b[1] - a[1];
      samples.add(new Sample((b[0] - t0) / 1000, Math.max(0, answered / dt),
          answered > 0 ? (b[2] - a[2]) / answered * 1000 : Double.NaN, Math.max(0, (b[3] - a[3]) / dt), b[4] * 100,
          b[5] * 100));
    }
    double end = samples.get(samples.size() - 1).t();
    StringBuilder svg = new StringBuilder();
    int height = TOP + 4 * PANEL + 3 * GAP + 40;
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
        + "<text x=\"%d\" y=\"20\" font-size=\"14\">perf/run: the node's throughput, latency and CPU per second</text>\n",
        WIDTH, height, LEFT));
    bands(svg, readPhases(phases, t0), end, height);
    panel(svg, 0, "requests/s the node answered (HTTP, /metrics included)", samples, end,
        List.of(new Series("#1f77b4", Sample::requests)), Double.NaN);
    panel(svg, 1, "mean response time, ms", samples, end, List.of(new Series("#d62728", Sample::latencyMs)), Double.NaN);
    panel(svg, 2, "events/s the outbox relay published", samples, end,
        List.of(new Series("#ff7f0e", Sample::events)), Double.NaN);
    panel(svg, 3, "CPU %: node process (green), whole machine (grey)", samples, end,
        List.of(new Series("#2ca02c", Sample::cpu), new Series("#7f7f7f", Sample::machineCpu)), 100);
    svg.append("</svg>\n");
    Files.writeString(out, svg);
  }

  private record Series(String colour, java.util.function.ToDoubleFunction<Sample> value) {
  }

  private static void panel(StringBuilder svg, int index, String title, List<Sample> samples, double end,
      List<Series> series, double fixedMax) {
    int top = TOP + index * (PANEL + GAP);
    double max = fixedMax;
    if (Double.isNaN(max)) {
      max = 1;
      for (Sample s : samples) {
        for (Series line : series) {
          double v = line.value().applyAsDouble(s);
          max = Double.isNaN(v) ? max : Math.max(max, v);
        }
      }
      max = nice(max);
    }
    int width = WIDTH - LEFT - RIGHT;
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n", LEFT, top - 6,
        title));
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
        + " stroke=\"#999999\"/>\n", LEFT, top, width, PANEL));
    for (int i = 0; i <= 4; i++) {
      double y = top + PANEL - PANEL * i / 4.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e6e6e6\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT, LEFT + width, y, y, LEFT - 4, y + 4,
          Figures.number(max * i / 4)));
    }
    double step = nice(end / 10);
    for (double t = 0; t <= end; t += step) {
      double x = LEFT + width * t / end;
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ss</text>\n", x,
          top + PANEL + 14, Figures.number(t)));
    }
    for (Series line : series) {
      StringBuilder points = new StringBuilder();
      for (Sample s : samples) {
        double v = line.value().applyAsDouble(s);
        if (!Double.isNaN(v)) {
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + width * s.t() / end,
              top + PANEL - PANEL * Math.min(v, max) / max));
        }
      }
      svg.append("<polyline fill=\"none\" stroke=\"").append(line.colour()).append("\" stroke-width=\"1.3\" points=\"")
          .append(points.toString().trim()).append("\"/>\n");
    }
  }

  private static void bands(StringBuilder svg, List<Phase> phases, double end, int height) {
    int width = WIDTH - LEFT - RIGHT;
    int i = 0;
    for (Phase p : phases) {
      double x1 = LEFT + width * Math.max(0, p.from()) / end;
      double x2 = LEFT + width * Math.min(end, p.to()) / end;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.6\"/>"
              + "<text x=\"%.1f\" y=\"%d\" fill=\"#444444\">%s</text>\n", x1, TOP - 24, Math.max(1, x2 - x1),
          height - TOP, i % 2 == 0 ? "#dde8f7" : "#f7e8d5", x1 + 2, TOP - 48 + (i % 2) * 12, escape(p.name())));
      i++;
    }
  }

  private static List<Phase> readPhases(Path file, double t0) throws IOException {
    List<Phase> phases = new ArrayList<>();
    if (!Files.exists(file)) {
      return phases;
    }
    java.util.Map<String, Double> open = new java.util.HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split(",", 3);
      double t = (Double.parseDouble(f[0]) - t0) / 1000;
      if (f[1].equals("start")) {
        open.put(f[2], t);
      } else if (open.containsKey(f[2])) {
        phases.add(new Phase(open.remove(f[2]), t, f[2]));
      }
    }
    return phases;
  }

  private static double nice(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= value) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;");
  }
}
