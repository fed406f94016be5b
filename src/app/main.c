/* Placeholder entry point; replaced by the command line in app/cli. */
#include <stdio.h>
int main(void) { puts("groundwork " GW_VERSION); return 0; }
