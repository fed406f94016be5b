/* placeholder so the platform library is not empty */
int plat_placeholder(void);
int plat_placeholder(void) { return 0; }
