package org.emporium.platform.error;

/** Carries a {@link Problem} through a failed future; it has no stack trace to keep it cheap. */
public final class ProblemException extends RuntimeException {

  private final Problem problem;

  public ProblemException(Problem problem) {
    super(problem.code().title() + (problem.detail() == null ? "" : ": " + problem.detail()), null,
        false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
