#include <stdio.h>

#include "mysizer/cli.h"

int main(int argc, char **argv)
{
	/* Thousands of messages are possible; unbuffered, each piece would be a system call. */
	static char err_buffer[1 << 16];
	setvbuf(stderr, err_buffer, _IOFBF, sizeof err_buffer);
	return mz_cli_main(argc, argv, stdout, stderr);
}
