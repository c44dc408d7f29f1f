/* The command line: main() hands everything to mz_cli_main(). */
#ifndef MYSIZER_CLI_H
#define MYSIZER_CLI_H

#include <stdio.h>

enum mz_exit {
	MZ_EXIT_OK = 0,       /* nothing at or above the failure threshold */
	MZ_EXIT_FINDINGS = 1, /* findings at or above it */
	MZ_EXIT_INPUT = 2,    /* an input could not be read or parsed */
	MZ_EXIT_USAGE = 3,    /* the command line is wrong */
};

int mz_cli_main(int argc, char **argv, FILE *out, FILE *err);

#endif
