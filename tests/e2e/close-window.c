/* Asks every top-level X window titled by argv[1] to close, the way a window
 * manager's close button does (a WM_DELETE_WINDOW client message). The e2e
 * tests use it to check that closing the window flushes unsaved edits; under
 * Xvfb there is no window manager to click. Exit 1 if no window matched. */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <string.h>

static int close_matching(Display *dpy, Window w, const char *title, Atom protocols, Atom del) {
  int n = 0;
  char *name = NULL;
  if (XFetchName(dpy, w, &name) && name) {
    if (strcmp(name, title) == 0) {
      XEvent ev;
      memset(&ev, 0, sizeof ev);
      ev.xclient.type = ClientMessage;
      ev.xclient.window = w;
      ev.xclient.message_type = protocols;
      ev.xclient.format = 32;
      ev.xclient.data.l[0] = (long)del;
      ev.xclient.data.l[1] = CurrentTime;
      XSendEvent(dpy, w, False, NoEventMask, &ev);
      n++;
    }
    XFree(name);
  }
  Window root, parent, *kids = NULL;
  unsigned int nkids = 0;
  if (XQueryTree(dpy, w, &root, &parent, &kids, &nkids)) {
    for (unsigned int i = 0; i < nkids; i++) n += close_matching(dpy, kids[i], title, protocols, del);
    if (kids) XFree(kids);
  }
  return n;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: close-window TITLE\n");
    return 2;
  }
  Display *dpy = XOpenDisplay(NULL);
  if (!dpy) {
    fprintf(stderr, "close-window: cannot open the display\n");
    return 2;
  }
  Atom protocols = XInternAtom(dpy, "WM_PROTOCOLS", False);
  Atom del = XInternAtom(dpy, "WM_DELETE_WINDOW", False);
  int n = close_matching(dpy, DefaultRootWindow(dpy), argv[1], protocols, del);
  XFlush(dpy);
  XCloseDisplay(dpy);
  if (n == 0) {
    fprintf(stderr, "close-window: no window titled \"%s\"\n", argv[1]);
    return 1;
  }
  return 0;
}
