#pragma once

#include "core/domain/PatientSearchCriteria.h"
#include "core/domain/UserSession.h"
#include "core/lookup/PatientSearchResult.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace cpis {
class Clock;
class PatientSearchService;
} // namespace cpis

namespace cpis::ui {

class PatientCandidateModel;

// Finding someone whose NHS number nobody knows (a child brought in with no papers): a short
// form, typed top to bottom and sent with Enter (family name, given name, sex, date of birth
// or an age, postcode if known), then the candidates PDS returns, best first. Enter on a
// candidate picks them: the triage screen looks their number up and asks for the banner
// check as for a typed number. While PDS is asked, a busy bar shows and Esc cancels.
class PatientSearchPanel : public QWidget
{
    Q_OBJECT
public:
    PatientSearchPanel(PatientSearchService* service,
                       const Clock* clock,
                       QWidget* parent = nullptr);

    // The criteria the form holds, or why it cannot be searched (for people).
    struct Read
    {
        std::optional<PatientSearchCriteria> criteria;
        QString problem;
    };
    Read readForm() const;

    bool isSearching() const { return !m_running.isNull(); }
    PatientCandidateModel* candidates() const { return m_model; }
    QTableView* candidateView() const { return m_table; }
    QLineEdit* familyField() const { return m_family; }
    QString statusText() const;

public slots:
    void search(); // as if Enter was pressed in the form
    void cancel();
    void clear();

signals:
    void picked(const QString& nhsDigits);
    void searchFinished(); // candidates, none, too many or could not search: status says
    void closeRequested(); // Esc with nothing to cancel

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void onResult(const PatientSearchResult& r);
    void setBusy(bool busy);
    void setStatus(const QString& text);

    PatientSearchService* m_service;
    const Clock* m_clock;
    QPointer<QObject> m_running; // the running search's context: deleting it cancels

    QLineEdit* m_family = nullptr;
    QLineEdit* m_given = nullptr;
    QComboBox* m_sex = nullptr;
    QLineEdit* m_born = nullptr;
    QLineEdit* m_age = nullptr;
    QLineEdit* m_postcode = nullptr;
    QPushButton* m_searchButton = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_table = nullptr;
    PatientCandidateModel* m_model = nullptr;
};

} // namespace cpis::ui
