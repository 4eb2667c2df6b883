package io.paykit.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/** Faults waiting for the next gateway requests, first in first out. Thread-safe. */
final class FaultQueue {
  private static final class Entry {
    final Gateway gateway; // null: any gateway
    final Fault fault;
    int remaining;

    Entry(Gateway gateway, Fault fault, int remaining) {
      this.gateway = gateway;
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();

  synchronized void add(Gateway gateway, Fault fault, int times) {
    entries.addLast(new Entry(gateway, fault, times));
  }

  /** Takes one use of the oldest fault that applies to this gateway, or returns null. */
  synchronized Fault take(Gateway gateway) {
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.gateway == null || e.gateway == gateway) {
        if (--e.remaining <= 0) it.remove();
        return e.fault;
      }
    }
    return null;
  }

  synchronized int pending() {
    int n = 0;
    for (Entry e : entries) n += e.remaining;
    return n;
  }

  synchronized void clear() {
    entries.clear();
  }
}
