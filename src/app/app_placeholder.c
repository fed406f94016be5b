/* placeholder so the platform library is not empty */
int app_placeholder(void);
int app_placeholder(void) { return 0; }
