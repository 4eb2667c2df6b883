package io.paykit.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a gateway list, able to fetch its neighbours. Cursor paging (Qbit Pay's {@code
 * starting_after} / {@code ending_before}) and page-number paging (聚易付's {@code page}) look the same
 * from here: each page carries a {@link Fetcher} that knows how to ask for the page after or before it.
 *
 * <pre>{@code
 * for (Charge charge : client.listCharges(params).autoPagingIterable()) {
 *   ...   // pages are fetched lazily; one page is held in memory at a time
 * }
 * }</pre>
 *
 * <p>Immutable. Fetching methods call the gateway on the calling thread and throw the gateway client's
 * {@link io.paykit.PayKitException}s.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  /**
   * Fetches the neighbours of one page. Gateway clients create one per page, holding that page's
   * request parameters and position.
   *
   * @param <T> the item type
   */
  public interface Fetcher<T> {
    /**
     * Fetches the page after this one (forward in the gateway's order).
     *
     * @return the next page
     */
    Page<T> fetchNext();

    /**
     * Fetches the page before this one.
     *
     * @return the previous page
     */
    Page<T> fetchPrevious();
  }

  /** Iterated directly: the unmodifiable view costs calls per item the JIT cannot always inline. */
  final ArrayList<T> items;
  private final List<T> data;
  final boolean hasMore;
  final boolean backward;
  /** Null only for {@link #empty}'s pages. */
  final Fetcher<T> fetcher;

  private Page(ArrayList<T> items, boolean hasMore, boolean backward, Fetcher<T> fetcher) {
    this.items = items;
    this.data = Collections.unmodifiableList(items);
    this.hasMore = hasMore;
    this.backward = backward;
    this.fetcher = fetcher;
  }

  /**
   * Creates a page.
   *
   * @param data the items in the gateway's order
   * @param hasMore whether more items exist beyond this page in the direction it was fetched
   * @param backward whether the page was fetched backward (before a cursor, or a lower page number)
   * @param fetcher fetches its neighbours
   * @param <T> the item type
   * @return the page, holding a copy of {@code data}
   * @throws IllegalArgumentException if {@code data} or {@code fetcher} is null
   */
  public static <T> Page<T> of(List<T> data, boolean hasMore, boolean backward, Fetcher<T> fetcher) {
    if (data == null || fetcher == null) throw new IllegalArgumentException("data and fetcher are required");
    return new Page<>(new ArrayList<>(data), hasMore, backward, fetcher);
  }

  /**
   * Returns an empty last page.
   *
   * @param <T> the item type
   * @param backward whether the page counts as fetched backward
   * @return an empty page without more items, whose neighbours are empty too
   */
  public static <T> Page<T> empty(boolean backward) {
    // No fetcher: nextPage and previousPage answer an empty page themselves.
    return new Page<>(new ArrayList<T>(0), false, backward, null);
  }

  /**
   * Returns the items of this page, in the gateway's order; never null.
   *
   * @return an unmodifiable list of the items
   */
  public List<T> getData() {
    return data;
  }

  /**
   * Returns whether the gateway has more items beyond this page, in the direction it was fetched.
   *
   * @return true if more items exist
   */
  public boolean hasMore() {
    return hasMore;
  }

  /**
   * Returns whether this page was fetched backward (with {@code endingBefore}).
   *
   * @return true if the page was fetched backward
   */
  public boolean isBackward() {
    return backward;
  }

  /**
   * Returns the page after this one; an empty page, without a call, when this forward page was the last.
   *
   * @return the next page
   * @throws io.paykit.PayKitException if the fetch fails
   */
  public Page<T> nextPage() {
    if (fetcher == null || !backward && (!hasMore || data.isEmpty())) return empty(false);
    return fetcher.fetchNext();
  }

  /**
   * Returns the page before this one; an empty page, without a call, when this backward page was the
   * first.
   *
   * @return the previous page
   * @throws io.paykit.PayKitException if the fetch fails
   */
  public Page<T> previousPage() {
    if (fetcher == null || backward && (!hasMore || data.isEmpty())) return empty(true);
    return fetcher.fetchPrevious();
  }

  /**
   * Iterates over every item from this page on, fetching pages lazily as iteration reaches them:
   * forward for a forward page; for a backward page, toward the start, each page's items in reverse
   * (so items come oldest first). Only one page is held at a time.
   *
   * @return a lazy iterable over this page's items and those of the pages after it
   */
  public Iterable<T> autoPagingIterable() {
    return () -> new PagingIterator<>(this);
  }

  /**
   * Returns {@link #autoPagingIterable()} as a sequential, lazy stream.
   *
   * @return a lazy stream over the same items
   */
  public Stream<T> autoPagingStream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new PagingIterator<>(this), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public String toString() {
    return "Page{" + data.size() + " items, hasMore=" + hasMore + (backward ? ", backward" : "") + "}";
  }

  private static final class PagingIterator<T> implements Iterator<T> {
    private Page<T> page;
    private int index;

    PagingIterator(Page<T> first) {
      this.page = first;
      this.index = 0;
    }

    @Override
    public boolean hasNext() {
      while (index >= page.items.size()) {
        if (!page.hasMore || page.items.isEmpty()) return false;
        page = page.backward ? page.fetcher.fetchPrevious() : page.fetcher.fetchNext();
        index = 0;
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException();
      ArrayList<T> items = page.items;
      int i = index++;
      return page.backward ? items.get(items.size() - 1 - i) : items.get(i);
    }
  }
}
