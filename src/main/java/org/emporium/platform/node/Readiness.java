package org.emporium.platform.node;

import java.util.concurrent.atomic.AtomicReference;

/** The node's lifecycle as load balancers see it: starting, ready, then draining on shutdown. */
public final class Readiness {

  /** Lifecycle states. */
  public enum State { STARTING, READY, DRAINING }

  private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);

  public State state() {
    return state.get();
  }

  public boolean isReady() {
    return state.get() == State.READY;
  }

  public void ready() {
    state.compareAndSet(State.STARTING, State.READY);
  }

  public void draining() {
    state.set(State.DRAINING);
  }
}
