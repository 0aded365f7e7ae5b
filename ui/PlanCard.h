#pragma once

#include "CpisPlan.h"

#include <QFrame>

namespace cpis::ui {

// One CP-IS plan: its type in full, its dates, and the responsible local authority with
// office-hours and emergency-duty numbers, each with a copy button.
class PlanCard : public QFrame
{
    Q_OBJECT
public:
    PlanCard(const CpisPlan& plan, const QDate& today, QWidget* parent = nullptr);

    static QString datesText(const CpisPlan& plan, const QDate& today);
};

} // namespace cpis::ui
