package dev.keystone.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Registers the demo catalog, then sends the fleet's traffic at the configured rate until
 * the duration is up or the process is stopped, logging progress every ten seconds.
 */
public final class Simulator {

	private static final Duration TICK = Duration.ofMillis(100);

	private Simulator() {
	}

	public static void main(String[] args) throws Exception {
		SimulatorSettings settings = SimulatorSettings.fromEnvironment(System.getenv());
		IngestSender sender = new IngestSender(settings);
		for (DemoCatalog.DemoTitle title : DemoCatalog.TITLES) {
			sender.register(title);
		}
		log("registered %d titles at %s; sending %d events/s from %d devices%s", DemoCatalog.TITLES.size(),
				settings.ingestUrl(), settings.rate(), settings.devices(),
				settings.incident().map((i) -> "; incident " + i).orElse(""));
		run(settings, sender);
	}

	private static void run(SimulatorSettings settings, IngestSender sender) throws InterruptedException {
		Fleet fleet = new Fleet(settings.devices(), settings.seed(), settings.incident());
		ExecutorService senders = Executors.newFixedThreadPool(4);
		Instant start = Instant.now();
		long ticks = 0;
		double perTick = settings.rate() * (TICK.toMillis() / 1000.0);
		double owed = 0;
		Instant nextReport = start.plusSeconds(10);
		while (settings.duration().isZero()
				|| Duration.between(start, Instant.now()).compareTo(settings.duration()) < 0) {
			owed += perTick;
			int count = (int) owed;
			owed -= count;
			Instant now = Instant.now();
			submit(senders, sender, fleet.tick(count, now, Duration.between(start, now)));
			ticks++;
			long sleep = start.plus(TICK.multipliedBy(ticks)).toEpochMilli() - System.currentTimeMillis();
			if (sleep > 0) {
				Thread.sleep(sleep);
			}
			if (now.isAfter(nextReport)) {
				log("accepted=%d rejected=%d failedRequests=%d", sender.accepted.get(), sender.rejected.get(),
						sender.failedRequests.get());
				nextReport = now.plusSeconds(10);
			}
		}
		submit(senders, sender, fleet.flushAll());
		senders.shutdown();
		senders.awaitTermination(60, TimeUnit.SECONDS);
		log("done accepted=%d rejected=%d failedRequests=%d", sender.accepted.get(), sender.rejected.get(),
				sender.failedRequests.get());
	}

	private static void submit(ExecutorService senders, IngestSender sender, List<List<Map<String, Object>>> batches) {
		for (List<Map<String, Object>> batch : batches) {
			senders.execute(() -> {
				try {
					sender.send(batch);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (Exception ex) {
					sender.failedRequests.incrementAndGet();
				}
			});
		}
	}

	private static void log(String format, Object... args) {
		System.out.println(Instant.now() + " simulator " + String.format(format, args));
	}

}
