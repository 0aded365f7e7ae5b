#include "PlanCard.h"

#include "DisplayFormat.h"
#include "LookupResult.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace cpis::ui {

QString PlanCard::datesText(const CpisPlan& plan, const QDate& today)
{
    const QString started = tr("Started %1").arg(display::date(plan.start));
    if (!plan.end)
        return started + QStringLiteral(" · ") + tr("Ongoing");
    if (plan.hasEndedBy(today))
        return started + QStringLiteral(" · ") + tr("ENDED %1").arg(display::date(*plan.end));
    return started + QStringLiteral(" · ") + tr("Ends %1").arg(display::date(*plan.end));
}

PlanCard::PlanCard(const CpisPlan& plan, const QDate& today, QWidget* parent) : QFrame(parent)
{
    const bool ended = plan.hasEndedBy(today);
    setObjectName(QStringLiteral("planCard"));
    setFrameShape(QFrame::StyledPanel);
    // Ended plans are grey and say ENDED in words; current ones carry the red edge.
    setStyleSheet(
        ended
            ? QStringLiteral("#planCard { border: 2px dashed #768692; background: #f0f4f5; }")
            : QStringLiteral("#planCard { border-left: 8px solid #d5281b; background: #ffffff; }"));
    auto* grid = new QGridLayout(this);

    auto* type = new QLabel(
        LookupResult::planTypeText(plan.type) + (ended ? tr(" (ended)") : QString()), this);
    type->setObjectName(QStringLiteral("planType"));
    QFont f = type->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    type->setFont(f);
    grid->addWidget(type, 0, 0, 1, 3);

    auto* dates = new QLabel(datesText(plan, today), this);
    dates->setObjectName(QStringLiteral("planDates"));
    grid->addWidget(dates, 1, 0, 1, 3);

    auto* la = new QLabel(tr("Responsible local authority: %1").arg(plan.authority.name), this);
    la->setObjectName(QStringLiteral("planAuthority"));
    la->setWordWrap(true);
    grid->addWidget(la, 2, 0, 1, 3);

    int row = 3;
    auto phone = [&](const QString& label, const QString& number, const QString& name) {
        auto* l = new QLabel(label, this);
        auto* v = new QLabel(number.isEmpty() ? display::notKnown() : number, this);
        v->setObjectName(name);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        QFont bold = v->font();
        bold.setBold(true);
        v->setFont(bold);
        l->setBuddy(v);
        grid->addWidget(l, row, 0);
        grid->addWidget(v, row, 1);
        if (!number.isEmpty()) {
            auto* copy = new QPushButton(tr("Copy"), this);
            copy->setObjectName(name + QStringLiteral("Copy"));
            copy->setAccessibleName(tr("Copy %1 number").arg(label));
            connect(copy, &QPushButton::clicked, this,
                    [number] { QApplication::clipboard()->setText(number); });
            grid->addWidget(copy, row, 2);
        }
        ++row;
    };
    phone(tr("Office hours"), plan.authority.officeHoursPhone, QStringLiteral("officeHoursPhone"));
    phone(tr("Emergency duty (out of hours)"), plan.authority.emergencyDutyPhone,
          QStringLiteral("emergencyDutyPhone"));
    grid->setColumnStretch(1, 1);

    setAccessibleName(type->text());
    setAccessibleDescription(dates->text() + QStringLiteral(". ") + la->text());
}

} // namespace cpis::ui
