package dev.keystone.recommendation.watching;

import java.util.Optional;

import org.apache.kafka.streams.state.HostInfo;

import dev.keystone.recommendation.state.Peers;
import dev.keystone.recommendation.state.Placement;
import dev.keystone.recommendation.state.StoreNames;
import dev.keystone.recommendation.system.StoredJson;

/**
 * A profile's history, read from the instance that holds it.
 */
public final class Profiles {

	private final Placement placement;

	private final Peers peers;

	private final StoredJson json;

	public Profiles(Placement placement, Peers peers, StoredJson json) {
		this.placement = placement;
		this.peers = peers;
		this.json = json;
	}

	public ProfileHistory history(String profileId) {
		Optional<HostInfo> owner = this.placement.elsewhere(StoreNames.PROFILES, profileId);
		Optional<ProfileHistory> history = owner.isPresent() ? this.peers.get(owner.get(),
				(uri) -> uri.path("/internal/profiles/{profileId}").build(profileId), ProfileHistory.class)
				: local(profileId);
		return history.orElseGet(() -> ProfileHistory.empty(profileId));
	}

	/** The history if this instance holds it. */
	Optional<ProfileHistory> local(String profileId) {
		String stored = this.placement.store(StoreNames.PROFILES).get(profileId);
		return Optional.ofNullable(stored).map((value) -> this.json.read(value, ProfileHistory.class));
	}

}
