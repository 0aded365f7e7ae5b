#pragma once

#include <QLabel>

namespace cpis {
class HubForwarder;
}

namespace cpis::ui {

// One short line in the status bar: whether the trust's audit hub has this desk's log, how
// many entries wait, and when the last went. Shown only when the profile names a hub.
class HubStatusLabel : public QLabel
{
    Q_OBJECT
public:
    HubStatusLabel(HubForwarder* hub, QWidget* parent = nullptr);

private:
    void refresh();

    HubForwarder* m_hub;
};

} // namespace cpis::ui
