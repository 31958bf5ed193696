import DataLoader from 'dataloader';

/**
 * The DataLoaders of one GraphQL request, kept on its context: the rows of a list ask for their
 * relations one at a time and get them in one query per relation. They batch and never cache, so
 * a mutation's answer never shows what an earlier mutation of the same request had read.
 */
export class RequestLoaders {
  private readonly loaders = new Map<object, unknown>();

  /** This request's loader for `batch`, keyed by the function itself: define it once, as a resolver property. */
  of<Key, Value>(batch: DataLoader.BatchLoadFn<Key, Value>): DataLoader<Key, Value> {
    let loader = this.loaders.get(batch) as DataLoader<Key, Value> | undefined;
    if (!loader) {
      loader = new DataLoader(batch, { cache: false });
      this.loaders.set(batch, loader);
    }
    return loader;
  }
}

/** The GraphQL context of a request, beside the `req` @nestjs/apollo adds: read it with `@Context('loaders')`. */
export function createGraphqlContext(): { loaders: RequestLoaders } {
  return { loaders: new RequestLoaders() };
}
