package io.paykit.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageTest {
  /** A list of the integers total-1 … 0 (newest first), cut into cursor pages by value. */
  static final class CursorList {
    final int total;
    final AtomicInteger fetches = new AtomicInteger();

    CursorList(int total) {
      this.total = total;
    }

    Page<Integer> after(Integer cursor, int limit) {
      fetches.incrementAndGet();
      int start = cursor == null ? total - 1 : cursor - 1;
      List<Integer> items = new ArrayList<>();
      for (int v = start; v >= 0 && items.size() < limit; v--) items.add(v);
      return page(items, items.size() == limit && items.get(items.size() - 1) > 0, false, limit);
    }

    Page<Integer> before(int cursor, int limit) {
      fetches.incrementAndGet();
      List<Integer> items = new ArrayList<>();
      int end = Math.min(total - 1, cursor + limit);
      for (int v = end; v > cursor; v--) items.add(v);
      return page(items, !items.isEmpty() && items.get(0) < total - 1, true, limit);
    }

    private Page<Integer> page(List<Integer> items, boolean hasMore, boolean backward, int limit) {
      return Page.of(items, hasMore, backward, new Page.Fetcher<Integer>() {
        @Override
        public Page<Integer> fetchNext() {
          return after(items.get(items.size() - 1), limit);
        }

        @Override
        public Page<Integer> fetchPrevious() {
          return before(items.get(0), limit);
        }
      });
    }
  }

  @Test
  void autoPagesForwardAcrossPagesLazily() {
    CursorList list = new CursorList(23);
    Page<Integer> first = list.after(null, 5);
    assertEquals(Arrays.asList(22, 21, 20, 19, 18), first.getData());
    assertTrue(first.hasMore());

    Iterator<Integer> it = first.autoPagingIterable().iterator();
    for (int i = 0; i < 5; i++) it.next();
    assertEquals(1, list.fetches.get(), "the second page is fetched only when reached");

    List<Integer> rest = new ArrayList<>();
    it.forEachRemaining(rest::add);
    assertEquals(18, rest.size());
    assertEquals(Integer.valueOf(0), rest.get(rest.size() - 1));
    assertEquals(5, list.fetches.get());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void autoPagesBackwardOldestFirstWhenTheFirstPageWasFetchedBackward() {
    CursorList list = new CursorList(20);
    Page<Integer> first = list.before(9, 4);
    assertEquals(Arrays.asList(13, 12, 11, 10), first.getData());

    List<Integer> all = first.autoPagingStream().collect(Collectors.toList());

    List<Integer> expected = new ArrayList<>();
    for (int v = 10; v <= 19; v++) expected.add(v);
    assertEquals(expected, all);
  }

  @Test
  void navigatesExplicitly() {
    CursorList list = new CursorList(10);
    Page<Integer> first = list.after(null, 4);
    Page<Integer> second = first.nextPage();
    assertEquals(Arrays.asList(5, 4, 3, 2), second.getData());
    assertEquals(Arrays.asList(9, 8, 7, 6), second.previousPage().getData());
    Page<Integer> last = second.nextPage();
    assertEquals(Arrays.asList(1, 0), last.getData());
    assertFalse(last.hasMore());
    int before = list.fetches.get();
    assertTrue(last.nextPage().getData().isEmpty());
    assertEquals(before, list.fetches.get(), "no call past the last page");
  }

  @Test
  void emptyPageIteratesNothing() {
    assertFalse(Page.<String>empty(false).autoPagingIterable().iterator().hasNext());
    assertEquals(0, Page.<String>empty(true).autoPagingStream().count());
  }

  @Test
  void streamsAMillionItemsHoldingOnePageAtATime() {
    CursorList list = new CursorList(1_000_000);
    long sum = list.after(null, 100).autoPagingStream().mapToLong(Integer::longValue).sum();
    assertEquals(499_999_500_000L, sum);
    assertEquals(10_000, list.fetches.get());
  }

  @Test
  void dataIsImmutable() {
    List<Integer> source = new ArrayList<>(Arrays.asList(1, 2));
    Page<Integer> page = Page.of(source, false, false, new Page.Fetcher<Integer>() {
      @Override
      public Page<Integer> fetchNext() {
        throw new AssertionError();
      }

      @Override
      public Page<Integer> fetchPrevious() {
        throw new AssertionError();
      }
    });
    source.add(3);
    assertEquals(2, page.getData().size());
    assertThrows(UnsupportedOperationException.class, () -> page.getData().add(4));
  }
}
