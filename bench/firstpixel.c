/* firstpixel: prints how many milliseconds pass, from its own start, until the pixel
 * at (x, y) of the X screen has the colour RRGGBB, or with `changed` instead of a colour,
 * until it differs from what it was when firstpixel started (a background drawn as a
 * gradient has no one colour to wait for). bench/run.sh starts it just before starting
 * a program, to measure the time to its first real frame. */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static unsigned long pixel(Display *d, Window root, int x, int y)
{
    XImage *im = XGetImage(d, root, x, y, 1, 1, AllPlanes, ZPixmap);
    unsigned long p = im ? XGetPixel(im, 0, 0) : 0;
    if (im)
        XDestroyImage(im);
    return p;
}

int main(int argc, char **argv)
{
    double t0 = now_ms();
    if (argc != 5) {
        fprintf(stderr, "usage: firstpixel X Y RRGGBB|changed TIMEOUT-MS\n");
        return 2;
    }
    int x = atoi(argv[1]), y = atoi(argv[2]);
    int changed = strcmp(argv[3], "changed") == 0;
    unsigned long want = changed ? 0 : strtoul(argv[3], NULL, 16);
    double limit = atof(argv[4]);
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "firstpixel: no X display\n");
        return 1;
    }
    Window root = DefaultRootWindow(d);
    unsigned long before = pixel(d, root, x, y) & 0xffffff;
    for (;;) {
        double t = now_ms() - t0;
        unsigned long p = pixel(d, root, x, y) & 0xffffff;
        if (changed ? p != before : p == want) {
            printf("%.1f\n", t);
            return 0;
        }
        if (t > limit) {
            printf("timeout\n");
            return 1;
        }
        struct timespec sl = { 0, 1000000 };
        nanosleep(&sl, NULL);
    }
}
