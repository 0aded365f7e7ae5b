#pragma once

#include "core/domain/UserSession.h"
#include "core/lookup/LookupResult.h"
#include "core/lookup/TracedPerson.h"
#include "ui/widgets/LayoutBoundary.h"
#include "ui/widgets/RoleView.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;

namespace cpis {
class Clock;
class LocalDirectory;
class LookupService;
class PatientSearchService;
} // namespace cpis

namespace cpis::ui {

class BusyPanel;
class CpisResultView;
class NhsNumberEdit;
class PatientBanner;
class PatientSearchPanel;

// The triage screen: trace a person on PDS by NHS number (Enter), check the banner against the
// person in front of you, then either confirm it (Ctrl+Enter), which asks CP-IS, or say it is
// not them (Ctrl+Shift+N), which asks nothing; Escape cancels and starts over. The screen
// always belongs to the number in the field: any edit clears what an earlier number showed. When
// the number is not known, Ctrl+F opens a PDS search by details; picking a candidate looks their
// number up exactly as if it had been typed. It is made
// at sign-in for a session that may view CP-IS and destroyed at lock and sign-out with all it
// showed; an answer that arrives after that, or for an older look-up, is dropped.
class TriageView : public LayoutBoundary
{
    Q_OBJECT
public:
    struct Scenario
    {
        QString nhsNumber; // ten digits
        QString title;
    };
    struct Deps
    {
        LookupService* lookups = nullptr;
        const Clock* clock = nullptr;
        LocalDirectory* directory = nullptr; // email and notes per local authority; may be null
        QList<Scenario> scenarios;           // training: the help panel (none: no panel)
        PatientSearchService* searches = nullptr; // no NHS number: search PDS (null: not offered)
    };
    // The main window's factory for DeskFunction::LookUp.
    static RoleView roleView(Deps deps);

    TriageView(Deps deps, UserSession session, QWidget* parent = nullptr);
    ~TriageView() override;

    bool awaitsConfirmation() const { return m_person.awaitsConfirmation(); }
    bool isBusy() const;
    NhsNumberEdit* nhsField() const { return m_nhs; }
    CpisResultView* resultView() const { return m_result; }
    PatientBanner* banner() const { return m_banner; }
    PatientSearchPanel* searchPanel() const { return m_searchPanel; } // null when not offered
    BusyPanel* busyPanel() const { return m_busy; }

public slots:
    void lookUp(const QString& nhsNumber); // as if typed and Enter pressed
    void confirmBanner();
    void rejectBanner(); // "Not this person"
    void cancel();       // Esc: the look-up in flight is dropped, the screen cleared
    void openSearch();   // find the person by their details (Ctrl+F)

signals:
    void lookupAnswered(); // the banner (or "could not trace", when there is no banner) is shown
    void resultShown();    // the CP-IS section is open with an answer
    void rejected();       // "Not this person" was recorded and the screen cleared

private:
    QWidget* buildConfirmBar();
    QWidget* buildHelp();
    void search(const NhsNumber& nhs);
    void onTraced(const TracedPerson& person, const LookupResult& ended);
    void onAnswer(const LookupResult& result);
    void showResult(const LookupResult& result);
    void clearPatient();
    void markNumber(const QString& problem);
    bool eventFilter(QObject* watched, QEvent* event) override;
    void setStatus(const QString& text);

    Deps m_deps;
    UserSession m_session;
    TracedPerson m_person;       // the banner shown, awaiting the user's decision
    QPointer<QObject> m_request; // the look-up in flight; deleting it drops its answer
    QString m_lastNumber;        // what the 429 countdown's Retry looks up again

    NhsNumberEdit* m_nhs = nullptr;
    QLabel* m_status = nullptr;
    PatientBanner* m_banner = nullptr;
    QWidget* m_confirmBar = nullptr;
    QPushButton* m_confirmButton = nullptr;
    QPushButton* m_rejectButton = nullptr;
    BusyPanel* m_busy = nullptr;
    QPushButton* m_searchButton = nullptr;
    PatientSearchPanel* m_searchPanel = nullptr;
    QScrollArea* m_resultScroll = nullptr;
    CpisResultView* m_result = nullptr;
};

} // namespace cpis::ui
