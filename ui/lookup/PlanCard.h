#pragma once

#include "core/directory/LocalDirectory.h"
#include "core/domain/CpisPlan.h"

#include <QFrame>

class QGridLayout;
class QLabel;
class QPushButton;

namespace cpis::ui {

// One CP-IS plan (or a record of a type this desk cannot display): its type in full, its dates, and
// the responsible local authority with office-hours and emergency-duty numbers, each with a copy
// button. Under the numbers, what the site's local directory holds for that authority (email,
// notes), labelled as such because the national record does not carry it.
class PlanCard : public QFrame
{
    Q_OBJECT
public:
    PlanCard(const CpisPlan& plan, const QDate& today, QWidget* parent = nullptr);
    // A record under a plan type this desk does not know: said so, with the authority's
    // numbers when CP-IS's answer carried them readably, else that they could not be read.
    explicit PlanCard(const UndisplayableRecord& record, QWidget* parent = nullptr);

    void showLocalDirectory(const DirectoryEntry& entry);
    void showLocalDirectoryError(const QString& message);

    static QString datesText(const CpisPlan& plan, const QDate& today);
    // The first button a keyboard user reaches (a Copy), or null.
    QPushButton* firstAction() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QLabel* addTitle(const QString& text, const QString& dates);
    QLabel* addAuthority(const LocalAuthority& authority);
    static void showCopied(QPushButton* button);
    QLabel* addLocalHeading(const QString& text);

    QGridLayout* m_grid = nullptr;
    int m_row = 0;
    bool m_ended = false; // drawn grey and dashed, not with the current plan's red edge
};

} // namespace cpis::ui
