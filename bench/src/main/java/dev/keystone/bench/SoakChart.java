package dev.keystone.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws the soak's samples as one panel per metric, a line per service, time across:
 * growth shows as a line climbing to the right.
 */
final class SoakChart {

	private static final int WIDTH = 1400;

	private static final int PANEL = 260;

	private static final int LEFT = 90;

	private static final int RIGHT = 220;

	private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b) };

	private SoakChart() {
	}

	/**
	 * @param series per metric (title with unit), per service, the samples as
	 * {@code [seconds, value]}; a negative value is a gap
	 */
	static void draw(Path file, String title, Map<String, Map<String, List<double[]>>> series) throws IOException {
		int height = 60 + series.size() * PANEL;
		BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, height);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
		g.drawString(title, LEFT, 32);
		int top = 60;
		for (Map.Entry<String, Map<String, List<double[]>>> metric : series.entrySet()) {
			panel(g, top, metric.getKey(), metric.getValue());
			top += PANEL;
		}
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static void panel(Graphics2D g, int top, String name, Map<String, List<double[]>> lines) {
		int plotTop = top + 25;
		int plotHeight = PANEL - 65;
		int plotWidth = WIDTH - LEFT - RIGHT;
		double maxX = 1;
		double maxY = 0;
		for (List<double[]> points : lines.values()) {
			for (double[] point : points) {
				maxX = Math.max(maxX, point[0]);
				maxY = Math.max(maxY, point[1]);
			}
		}
		maxY = niceCeiling(maxY);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.setColor(Color.BLACK);
		g.drawString(name, LEFT, top + 15);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (int i = 0; i <= 4; i++) {
			int y = plotTop + plotHeight - i * plotHeight / 4;
			g.setColor(new Color(0xe0e0e0));
			g.drawLine(LEFT, y, LEFT + plotWidth, y);
			g.setColor(Color.DARK_GRAY);
			String label = String.format(Locale.ROOT, "%,.0f", maxY * i / 4);
			g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
		}
		for (int i = 0; i <= 6; i++) {
			int x = LEFT + i * plotWidth / 6;
			g.setColor(Color.DARK_GRAY);
			g.drawString(String.format(Locale.ROOT, "%.0f min", maxX * i / 6 / 60), x - 15, plotTop + plotHeight + 16);
		}
		g.setColor(Color.GRAY);
		g.drawRect(LEFT, plotTop, plotWidth, plotHeight);
		int index = 0;
		for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
			Color color = COLORS[index % COLORS.length];
			g.setColor(color);
			g.setStroke(new BasicStroke(2f));
			List<int[]> segment = new ArrayList<>();
			for (double[] point : line.getValue()) {
				if (point[1] < 0) {
					polyline(g, segment);
					segment.clear();
					continue;
				}
				int x = LEFT + (int) Math.round(point[0] / maxX * plotWidth);
				int y = plotTop + plotHeight - (int) Math.round(point[1] / maxY * plotHeight);
				segment.add(new int[] { x, y });
			}
			polyline(g, segment);
			g.setStroke(new BasicStroke(1f));
			int legendY = plotTop + 14 + index * 18;
			g.fillRect(LEFT + plotWidth + 15, legendY - 9, 12, 12);
			g.setColor(Color.BLACK);
			g.drawString(line.getKey(), LEFT + plotWidth + 32, legendY + 1);
			index++;
		}
	}

	private static void polyline(Graphics2D g, List<int[]> points) {
		if (points.size() == 1) {
			g.fillOval(points.get(0)[0] - 2, points.get(0)[1] - 2, 4, 4);
			return;
		}
		for (int i = 1; i < points.size(); i++) {
			g.drawLine(points.get(i - 1)[0], points.get(i - 1)[1], points.get(i)[0], points.get(i)[1]);
		}
	}

	private static double niceCeiling(double value) {
		if (value <= 0) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

}
