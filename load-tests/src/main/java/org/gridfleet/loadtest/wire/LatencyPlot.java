package org.gridfleet.loadtest.wire;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** Draws latency percentiles versus fleet size as a PNG, with java.awt only (headless). */
final class LatencyPlot {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 520;
  private static final int LEFT = 80;
  private static final int RIGHT = 290;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;

  /** One line: a name, its colour and how to read it from a fleet size's result (ms, NaN = no point). */
  record Series(String name, Color color, ToDoubleFunction<FleetSizeResult> ms) {}

  static final List<Series> DEFAULT = List.of(
      new Series("signal→charger p50", new Color(0x2b8cbe), r -> r.fanOut() == null ? Double.NaN
          : r.fanOut().perCharger().p50Ms()),
      new Series("signal→charger p99", new Color(0x08589e), r -> r.fanOut() == null ? Double.NaN
          : r.fanOut().perCharger().p99Ms()),
      new Series("signal→last charger p99", new Color(0xd7301f), r -> r.fanOut() == null ? Double.NaN
          : r.fanOut().lastCharger().p99Ms()),
      new Series("meter value RTT p99", new Color(0x41ab5d), LatencyPlot::meterRttP99));

  private LatencyPlot() {}

  static void write(List<FleetSizeResult> sizes, List<Series> series, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double maxX = sizes.stream().mapToDouble(FleetSizeResult::chargers).max().orElse(1);
    double maxY = niceCeiling(sizes.stream().flatMapToDouble(r -> series.stream().mapToDouble(s -> s.ms().applyAsDouble(r)))
        .filter(Double::isFinite).max().orElse(1));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString("OCPP over the wire: latency vs fleet size (loopback, 2 cores)", LEFT, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawRect(LEFT, TOP, plotW, plotH);
    for (int i = 0; i <= 5; i++) {
      int y = TOP + plotH - i * plotH / 5;
      g.setColor(new Color(0xdddddd));
      g.drawLine(LEFT + 1, y, LEFT + plotW - 1, y);
      g.setColor(Color.BLACK);
      g.drawString(String.format("%.0f", maxY * i / 5), LEFT - 45, y + 4);
    }
    for (FleetSizeResult r : sizes) {
      int x = LEFT + (int) (r.chargers() / maxX * plotW);
      g.drawString(Integer.toString(r.chargers()), x - 15, TOP + plotH + 18);
    }
    g.drawString("chargers held", LEFT + plotW / 2 - 40, HEIGHT - 18);
    g.drawString("ms", 20, TOP + plotH / 2);
    int legendY = TOP + 10;
    for (Series s : series) {
      g.setColor(s.color());
      g.setStroke(new BasicStroke(2.5f));
      int px = -1;
      int py = -1;
      for (FleetSizeResult r : sizes) {
        double v = s.ms().applyAsDouble(r);
        if (!Double.isFinite(v)) {
          continue;
        }
        int x = LEFT + (int) (r.chargers() / maxX * plotW);
        int y = TOP + plotH - (int) (v / maxY * plotH);
        g.fillOval(x - 4, y - 4, 8, 8);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
      g.fillRect(LEFT + plotW + 15, legendY, 14, 4);
      g.setColor(Color.BLACK);
      g.drawString(s.name(), LEFT + plotW + 35, legendY + 6);
      legendY += 22;
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static double meterRttP99(FleetSizeResult r) {
    LatencySummary tx = r.roundTrips().get("TransactionEvent");
    return tx != null ? tx.p99Ms() : r.roundTrips().containsKey("MeterValues")
        ? r.roundTrips().get("MeterValues").p99Ms() : Double.NaN;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code v}. */
  private static double niceCeiling(double v) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1e-9))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= v) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
