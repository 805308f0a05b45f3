/** Exit codes: the contract scripts and CI rely on, the same for `kafka-lint` and `kafka-lint report`. */
export const EXIT_OK = 0;
/** At least one finding has severity error. */
export const EXIT_FINDINGS = 1;
/** A usage error or an internal error (with a message on stderr). */
export const EXIT_USAGE = 2;
