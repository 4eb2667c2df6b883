package io.paykit.examples;

/**
 * The README's main job: a walkthrough of the three gateway clients against the embedded sandbox.
 *
 * <p>The sandbox arrives with its own issue; until then this prints where things stand and exits 0.
 */
public final class Walkthrough {
  private Walkthrough() {}

  /** Runs the walkthrough. */
  public static void main(String[] args) {
    System.out.println("PayKit walkthrough: examples arrive with the sandbox issue (sdk-sandbox).");
  }
}
