#pragma once
// A private X display (Xvfb) for tests that run the shipped cpis-desk as a user would: its
// top-level windows by title, a key sent to one of them (an X key event, which Qt's xcb
// platform takes like a typed key), and the colours a window shows (read from the X server,
// as a screenshot is). Only for tests: the desk itself offers no scripting.
#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>
#include <memory>
#include <signal.h>
#include <sys/prctl.h>

namespace cpis::testsupport {

// Children that end with the test, however it ends: no Xvfb or desk left behind.
inline void endWithParent(QProcess& p)
{
    p.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

class XvfbDisplay
{
public:
    // nullptr when Xvfb cannot start (not installed): the caller skips.
    static std::unique_ptr<XvfbDisplay> start()
    {
        std::unique_ptr<XvfbDisplay> d(new XvfbDisplay);
        endWithParent(d->m_server);
        d->m_server.start(QStringLiteral("Xvfb"),
                          {QStringLiteral("-displayfd"), QStringLiteral("1"),
                           QStringLiteral("-screen"), QStringLiteral("0"),
                           QStringLiteral("1280x1024x24"), QStringLiteral("-nolisten"),
                           QStringLiteral("tcp")});
        if (!d->m_server.waitForStarted(5000))
            return nullptr;
        QElapsedTimer t;
        t.start();
        while (!d->m_server.canReadLine() && t.elapsed() < 10000)
            d->m_server.waitForReadyRead(200);
        const QByteArray number = d->m_server.readLine().trimmed();
        if (number.isEmpty())
            return nullptr;
        d->m_name = QStringLiteral(":") + QString::fromLatin1(number);
        d->m_dpy = XOpenDisplay(d->m_name.toLatin1().constData());
        // A window can go between listing and asking about it: not an error for a test.
        XSetErrorHandler([](Display*, XErrorEvent*) { return 0; });
        if (!d->m_dpy)
            return nullptr;
        return d;
    }

    ~XvfbDisplay()
    {
        if (m_dpy)
            XCloseDisplay(m_dpy);
        m_server.terminate();
        m_server.waitForFinished(5000);
    }

    QString name() const { return m_name; }

    // The mapped top-level windows whose title contains `part` (Qt puts each top-level
    // window under a child of the root only when a window manager reparents; Xvfb has none).
    QList<Window> windows(const QString& part) const
    {
        QList<Window> found;
        Window root = 0, parent = 0;
        Window* children = nullptr;
        unsigned int n = 0;
        if (!XQueryTree(m_dpy, DefaultRootWindow(m_dpy), &root, &parent, &children, &n))
            return found;
        for (unsigned int i = 0; i < n; ++i) {
            XWindowAttributes attrs;
            if (!XGetWindowAttributes(m_dpy, children[i], &attrs) || attrs.map_state != IsViewable)
                continue;
            if (title(children[i]).contains(part))
                found.append(children[i]);
        }
        if (children)
            XFree(children);
        return found;
    }

    QString title(Window w) const
    {
        const Atom netName = XInternAtom(m_dpy, "_NET_WM_NAME", False);
        const Atom utf8 = XInternAtom(m_dpy, "UTF8_STRING", False);
        Atom type = 0;
        int format = 0;
        unsigned long count = 0, after = 0;
        unsigned char* data = nullptr;
        QString out;
        if (XGetWindowProperty(m_dpy, w, netName, 0, 1024, False, utf8, &type, &format, &count,
                               &after, &data) == Success &&
            data) {
            out = QString::fromUtf8(reinterpret_cast<const char*>(data), int(count));
            XFree(data);
        }
        return out;
    }

    // Waits until exactly `count` mapped windows have `part` in their title.
    bool waitForWindows(const QString& part, int count, int timeoutMs) const
    {
        return QTest::qWaitFor([&] { return windows(part).size() == count; }, timeoutMs);
    }

    // Presses and releases `keysym` in window `w`, with the modifiers in `state` held
    // (ControlMask, ShiftMask: Ctrl+Enter is press(w, XK_Return, ControlMask)).
    void press(Window w, KeySym keysym, unsigned int state = 0) const
    {
        for (const int type : {KeyPress, KeyRelease}) {
            XKeyEvent e{};
            e.type = type;
            e.display = m_dpy;
            e.window = w;
            e.root = DefaultRootWindow(m_dpy);
            e.subwindow = None;
            e.time = CurrentTime;
            e.same_screen = True;
            e.keycode = XKeysymToKeycode(m_dpy, keysym);
            e.state = state;
            XSendEvent(m_dpy, w, True, type == KeyPress ? KeyPressMask : KeyReleaseMask,
                       reinterpret_cast<XEvent*>(&e));
        }
        XFlush(m_dpy);
    }

    // Asks window `w` to close, as a window manager's close button does (WM_DELETE_WINDOW).
    void requestClose(Window w) const
    {
        XClientMessageEvent e{};
        e.type = ClientMessage;
        e.display = m_dpy;
        e.window = w;
        e.message_type = XInternAtom(m_dpy, "WM_PROTOCOLS", False);
        e.format = 32;
        e.data.l[0] = long(XInternAtom(m_dpy, "WM_DELETE_WINDOW", False));
        e.data.l[1] = CurrentTime;
        XSendEvent(m_dpy, w, False, NoEventMask, reinterpret_cast<XEvent*>(&e));
        XFlush(m_dpy);
    }

    // Types `text` (digits, letters and spaces) into window `w`, one key at a time.
    void type(Window w, const QString& text) const
    {
        for (const QChar c : text) {
            const QByteArray name = c == u' ' ? QByteArray("space") : QString(c).toLatin1();
            press(w, XStringToKeysym(name.constData()));
        }
    }

    // How many pixels of window `w`, as the X server holds them now, are exactly `rgb`
    // (0xRRGGBB): a read of the screen, as a screenshot is. -1 when the window cannot be read.
    int pixelsOf(Window w, unsigned long rgb) const
    {
        XWindowAttributes attrs;
        if (!XGetWindowAttributes(m_dpy, w, &attrs) || attrs.map_state != IsViewable)
            return -1;
        XImage* image = XGetImage(m_dpy, w, 0, 0, unsigned(attrs.width), unsigned(attrs.height),
                                  AllPlanes, ZPixmap);
        if (!image)
            return -1;
        int n = 0;
        for (int y = 0; y < image->height; ++y)
            for (int x = 0; x < image->width; ++x)
                n += (XGetPixel(image, x, y) & 0xffffff) == rgb ? 1 : 0;
        XDestroyImage(image);
        return n;
    }

private:
    XvfbDisplay() = default;
    QProcess m_server;
    QString m_name;
    Display* m_dpy = nullptr;
};

} // namespace cpis::testsupport
