package dev.keystone.recommendation.titles;

import java.util.List;
import java.util.Optional;

import dev.keystone.events.Title;
import dev.keystone.recommendation.state.StoreAccess;
import dev.keystone.recommendation.state.StoreNames;

/**
 * Titles as the catalog describes them, from the global store every instance holds.
 */
public final class CatalogTitles {

	private final StoreAccess stores;

	private final Catalog catalog;

	public CatalogTitles(StoreAccess stores, Catalog catalog) {
		this.stores = stores;
		this.catalog = catalog;
	}

	public Optional<Title> title(String titleId) {
		return this.catalog.title(titleId, this.stores.store(StoreNames.CATALOG).get(titleId));
	}

	public String name(String titleId) {
		return title(titleId).map(Title::name).orElse(null);
	}

	public List<String> genres(String titleId) {
		return title(titleId).map(Title::genres).orElse(List.of());
	}

}
