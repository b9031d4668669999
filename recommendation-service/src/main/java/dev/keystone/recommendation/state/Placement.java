package dev.keystone.recommendation.state;

import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

/**
 * Which instance holds a key of a store ({@code application.server} of each instance,
 * spread by Kafka Streams' metadata), and this instance's own stores.
 */
public final class Placement implements StoreAccess {

	private final InteractiveQueryService queries;

	public Placement(InteractiveQueryService queries) {
		this.queries = queries;
	}

	/** The instance holding the key, if not this one. */
	public Optional<HostInfo> elsewhere(String store, String key) {
		HostInfo owner;
		try {
			owner = this.queries.getHostInfo(store, key, new StringSerializer());
		}
		catch (RuntimeException ex) {
			throw new StoreUnavailableException("no instance holds " + store + " now", ex);
		}
		// Kafka Streams answers "unavailable", port -1, while it rebalances.
		if (owner == null || owner.port() < 0) {
			throw new StoreUnavailableException("no instance holds " + store + " now");
		}
		return owner.equals(this.queries.getCurrentHostInfo()) ? Optional.empty() : Optional.of(owner);
	}

	@Override
	public ReadOnlyKeyValueStore<String, String> store(String name) {
		try {
			return this.queries.getQueryableStore(name, QueryableStoreTypes.keyValueStore());
		}
		catch (InvalidStateStoreException | IllegalStateException ex) {
			throw new StoreUnavailableException(name + " is not queryable here now", ex);
		}
	}

	/** Entries of the store held here; NaN while it is not queryable. */
	double entries(String name) {
		try {
			return this.queries.getQueryableStore(name, QueryableStoreTypes.keyValueStore()).approximateNumEntries();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
