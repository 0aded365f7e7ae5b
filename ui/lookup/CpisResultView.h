#pragma once

#include "core/lookup/LookupResult.h"

#include <QHash>
#include <QPixmap>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;
class QVBoxLayout;

namespace cpis {
class LocalDirectory;
}

namespace cpis::ui {

class AccessHistoryModel;

// The CP-IS section. Its first line says what the answer is and when, in words, icon and colour:
// live and when checked, an offline copy and how old, or could not check (or trace) and when.
// Below it, states that cannot be mistaken for each other: plans found (current, ended only,
// unborn child), a record this desk cannot display, no CP-IS record, could not check; then
// whether the local authority was
// notified. After a 429 a countdown runs, then a Retry button.
class CpisResultView : public QWidget
{
    Q_OBJECT
public:
    enum class Shown
    {
        Nothing,
        PlansFound,
        NoRecord,
        CouldNotCheck,
        // CP-IS holds a record of a plan type this desk does not know (plans it knows may come
        // with it): neither "no record" nor "could not check".
        RecordNotDisplayable,
    };

    explicit CpisResultView(QWidget* parent = nullptr);

    // Plan cards add what this directory holds for their local authority; null: nothing.
    void setLocalDirectory(LocalDirectory* directory) { m_directory = directory; }

    void showResult(const LookupResult& result, const QDateTime& nowUtc);
    void clear();

    Shown shown() const { return m_shown; }
    bool showsCachedAnswer() const { return m_cached; }
    QString provenanceText() const; // the first line
    // The first control a keyboard user should reach from the NHS No. field, or null.
    QWidget* firstAction() const;

signals:
    void retryRequested();

private:
    void
    setProvenance(const QString& colour, const QString& textColour, int icon, const QString& text);
    void setIcon(QLabel* label, int icon, int size);
    void showPlans(const LookupResult& r, const QDate& today, const QString& checked);
    void showUndisplayable(const LookupResult& r, const QString& checked);
    void addCards(const LookupResult& r, const QDate& today);
    void countDown();
    void setHeader(const QString& colour,
                   const QString& textColour,
                   int icon,
                   const QString& title,
                   const QString& detail);

    LocalDirectory* m_directory = nullptr;
    Shown m_shown = Shown::Nothing;
    QWidget* m_header = nullptr;
    QHash<qint64, QPixmap> m_icons; // standard icons drawn, by icon and size
    QLabel* m_icon = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_detail = nullptr;
    bool m_cached = false;
    QWidget* m_provenance = nullptr;
    QLabel* m_provenanceIcon = nullptr;
    QLabel* m_provenanceText = nullptr;
    QLabel* m_notified = nullptr;
    QPushButton* m_retry = nullptr;
    QTimer* m_countdown = nullptr;
    int m_secondsLeft = 0;
    QString m_retryReason;
    QWidget* m_plans = nullptr;
    QVBoxLayout* m_plansLayout = nullptr;
    QLabel* m_historyLabel = nullptr;
    QTableView* m_historyView = nullptr;
    AccessHistoryModel* m_history = nullptr;
};

} // namespace cpis::ui
