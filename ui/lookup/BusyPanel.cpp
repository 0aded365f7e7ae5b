#include "ui/lookup/BusyPanel.h"

#include "ui/widgets/PlainLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace cpis::ui {

BusyPanel::BusyPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("busyPanel"));
    setAttribute(Qt::WA_StyledBackground);
    // Black on pale grey: 18:1.
    setStyleSheet(QStringLiteral("#busyPanel { background: #e8edee; } QLabel { color: #000000; }"));
    auto* row = new QHBoxLayout(this);
    auto* icon = new PlainLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_BrowserReload).pixmap(24, 24));
    row->addWidget(icon);
    m_label = new PlainLabel(this);
    m_label->setObjectName(QStringLiteral("busyText"));
    m_label->setWordWrap(true);
    row->addWidget(m_label, 1);
    m_cancel = new QPushButton(tr("Cancel (Esc)"), this);
    m_cancel->setObjectName(QStringLiteral("busyCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the look-up"));
    m_cancel->setAutoDefault(false);
    connect(m_cancel, &QPushButton::clicked, this, &BusyPanel::cancelRequested);
    row->addWidget(m_cancel);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &BusyPanel::tick);
    hide();
}

void BusyPanel::start(const QString& what)
{
    m_what = what;
    m_elapsed.start();
    m_ticker.start();
    tick();
    show();
}

void BusyPanel::stop()
{
    m_ticker.stop();
    m_what.clear();
    m_label->clear();
    hide();
}

QString BusyPanel::text() const
{
    return m_label->text();
}

void BusyPanel::tick()
{
    const qint64 secs = m_elapsed.elapsed() / 1000;
    // The seconds appear once there is something to count: a quick answer does not flicker.
    const QString shown =
        secs < 1 ? m_what : tr("%1 (%n second(s) so far)", nullptr, int(secs)).arg(m_what);
    m_label->setText(shown);
    setAccessibleName(shown);
}

} // namespace cpis::ui
