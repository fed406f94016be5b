/* firstpixel: prints how many milliseconds pass, from its own start, until the pixel
 * at (x, y) of the X screen has the colour RRGGBB. bench/run.sh starts it just before
 * starting a program, to measure the time to its first real frame. */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
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
        fprintf(stderr, "usage: firstpixel X Y RRGGBB TIMEOUT-MS\n");
        return 2;
    }
    int x = atoi(argv[1]), y = atoi(argv[2]);
    unsigned long want = strtoul(argv[3], NULL, 16);
    double limit = atof(argv[4]);
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "firstpixel: no X display\n");
        return 1;
    }
    Window root = DefaultRootWindow(d);
    for (;;) {
        double t = now_ms() - t0;
        if ((pixel(d, root, x, y) & 0xffffff) == want) {
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
