/**
 * Every user-facing message of kernel-lib, in one place (as vega-lite's log/message.ts).
 *
 * Messages are functions of their facts, so wording changes in one spot and tests can
 * assert on the same text the user sees. Keep sections in pipeline order.
 */

// ---- ingest -------------------------------------------------------------------------

// ---- reads / store ------------------------------------------------------------------

// ---- synth --------------------------------------------------------------------------

// ---- trips / find / profile / score -------------------------------------------------

// ---- display ------------------------------------------------------------------------

// ---- privacy / audit ----------------------------------------------------------------

// ---- cli ----------------------------------------------------------------------------
