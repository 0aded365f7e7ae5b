#pragma once

#include "core/lookup/LookupResult.h"

#include <QWidget>

class QLabel;
class QTableView;
class QVBoxLayout;

namespace cpis {
class LocalDirectory;
}

namespace cpis::ui {

class AccessHistoryModel;

// The CP-IS section. Four states that cannot be mistaken for each other, each with its own
// icon, colour and words: plans found, no CP-IS record, could not check, and (for an
// answer from the offline copy) "as of <date time>".
class CpisResultView : public QWidget
{
    Q_OBJECT
public:
    enum class Shown
    {
        Nothing,
        PlansFound,
        NoRecord,
        CouldNotCheck
    };

    explicit CpisResultView(QWidget* parent = nullptr);

    // Plan cards add what this directory holds for their local authority; null: nothing.
    void setLocalDirectory(LocalDirectory* directory) { m_directory = directory; }

    void showResult(const LookupResult& result, const QDateTime& nowUtc);
    void clear();

    Shown shown() const { return m_shown; }
    bool showsCachedAnswer() const;

private:
    void setHeader(const QString& colour,
                   const QString& textColour,
                   int icon,
                   const QString& title,
                   const QString& detail);

    LocalDirectory* m_directory = nullptr;
    Shown m_shown = Shown::Nothing;
    QWidget* m_header = nullptr;
    QLabel* m_icon = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_cacheNotice = nullptr;
    QWidget* m_plans = nullptr;
    QVBoxLayout* m_plansLayout = nullptr;
    QLabel* m_historyLabel = nullptr;
    QTableView* m_historyView = nullptr;
    AccessHistoryModel* m_history = nullptr;
};

} // namespace cpis::ui
