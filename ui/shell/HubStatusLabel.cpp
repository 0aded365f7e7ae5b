#include "ui/shell/HubStatusLabel.h"

#include "core/domain/DisplayFormat.h"
#include "core/hub/HubForwarder.h"

namespace cpis::ui {

HubStatusLabel::HubStatusLabel(HubForwarder* hub, QWidget* parent) : QLabel(parent), m_hub(hub)
{
    setObjectName(QStringLiteral("hubStatus"));
    connect(m_hub, &HubForwarder::stateChanged, this, &HubStatusLabel::refresh);
    refresh();
}

void HubStatusLabel::refresh()
{
    const HubForwarder::State& s = m_hub->state();
    QString text;
    if (!s.lastError.isEmpty())
        text = tr("Audit hub not reached: %1 waiting").arg(s.backlog());
    else if (s.backlog() > 0)
        text = tr("Audit hub: %1 waiting to be sent").arg(s.backlog());
    else if (s.lastSentUtc.isValid())
        text = tr("Audit hub: all sent, last at %1").arg(display::time(s.lastSentUtc));
    else
        text = tr("Audit hub: all sent");
    setText(text);
    setAccessibleName(text);
    // The reason goes in the tooltip: it names the hub's address, never a patient.
    setToolTip(s.lastError.isEmpty() ? s.hub : s.hub + u'\n' + s.lastError);
}

} // namespace cpis::ui
