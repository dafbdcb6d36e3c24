package cm.vigie.benchmarks;

import cm.vigie.benchmarks.report.SuiteReport;

/** One benchmark suite, run by name from {@code benchmarks/run <suite>}. */
public interface Suite {

    /** The name on the command line and of the results file. */
    String name();

    /** One line for the list of suites. */
    String description();

    /**
     * Runs the suite and returns what it measured. Throws {@link SuiteFailure} when the suite cannot give valid
     * figures (a request failed, a service did not start); a missed target is reported, not thrown.
     */
    SuiteReport run(SuiteContext context) throws Exception;
}
