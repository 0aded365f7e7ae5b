#include "ui/lookup/AccessHistoryModel.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientBanner.h"
#include "ui/shell/Translations.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using cpis::LookupResult;
using cpis::NhsNumber;
using cpis::ui::CpisResultView;

namespace {
const QDateTime kNow(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);

NhsNumber nhs(const char* d)
{
    return NhsNumber::parse(QString::fromLatin1(d)).value();
}

cpis::CpisPlan plan(cpis::PlanType type, QDate start, std::optional<QDate> end)
{
    cpis::CpisPlan p;
    p.type = type;
    p.start = start;
    p.end = end;
    p.authority = {QStringLiteral("LA001"), QStringLiteral("Ashbourne City Council"),
                   QStringLiteral("01632 960001"), QStringLiteral("07700 900001")};
    return p;
}

LookupResult result(LookupResult::State s)
{
    LookupResult r;
    r.state = s;
    r.asked = nhs("9000000009");
    r.answeredAtUtc = kNow.addSecs(-60);
    r.cpisAsked = true; // the banner was confirmed and CP-IS asked
    if (s == LookupResult::State::PlansFound)
        r.plans = {plan(cpis::PlanType::ChildProtection, QDate(2026, 1, 10), std::nullopt),
                   plan(cpis::PlanType::LookedAfter, QDate(2024, 3, 1), QDate(2026, 8, 1))};
    if (s == LookupResult::State::CouldNotCheck)
        r.reason = LookupResult::Reason::Timeout;
    r.accessHistory = {{kNow.addSecs(-3600), QStringLiteral("A Nurse"), QStringLiteral("Nurse"),
                        QStringLiteral("Town ED"), QStringLiteral("SBX01")}};
    return r;
}

QString text(const QWidget& w, const char* name)
{
    auto* l = w.findChild<QLabel*>(QString::fromLatin1(name));
    return l ? l->text() : QString();
}
} // namespace

class TestCpisResultView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_tr.install(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
    void statesAreDistinct();
    void plansFoundShowsCardsAndEndedMarked();
    void noRecordNeverSaysSafe();
    void couldNotCheckGivesReasonAndProcedure();
    void cachedAnswerSaysAsOf();
    void historyModelIsSound();
    void bannerFollowsCui();
    void bannerShowsDeathAndPartialDates();
    void firstLineSaysLiveOrCouldNotAndWhen();
    void endedOnlyAndUnbornHaveTheirOwnHeadlines();
    void rateLimitCountsDownThenOffersRetry();
    void copySaysCopied();
    void bannerElidesWithTheWholeInItsTooltip();
    void recordOfAnUnknownPlanTypeIsNeitherNoRecordNorCouldNotCheck();

private:
    cpis::ui::Translations m_tr;
};

void TestCpisResultView::statesAreDistinct()
{
    QSet<QString> titles, names, styles;
    QSet<qint64> icons;
    for (auto s : {LookupResult::State::PlansFound, LookupResult::State::NoRecord,
                   LookupResult::State::CouldNotCheck}) {
        CpisResultView v;
        v.showResult(result(s), kNow);
        titles << text(v, "cpisStateTitle");
        names << v.accessibleName();
        styles << v.findChild<QWidget*>(QStringLiteral("cpisState"))
                      ->palette()
                      .color(QPalette::Window)
                      .name();
        icons << v.findChild<QLabel*>(QStringLiteral("cpisStateIcon"))->pixmap().cacheKey();
        QVERIFY(!v.findChild<QLabel*>(QStringLiteral("cpisStateIcon"))->pixmap().isNull());
    }
    QCOMPARE(titles.size(), 3);
    QCOMPARE(names.size(), 3);
    QCOMPARE(styles.size(), 3);
}

void TestCpisResultView::plansFoundShowsCardsAndEndedMarked()
{
    CpisResultView v;
    v.show();
    v.showResult(result(LookupResult::State::PlansFound), kNow);
    QCOMPARE(v.shown(), CpisResultView::Shown::PlansFound);
    QVERIFY(text(v, "cpisStateTitle").contains(QStringLiteral("CP-IS ALERT")));
    const auto cards = v.findChildren<QFrame*>(QStringLiteral("planCard"));
    QCOMPARE(cards.size(), 2);
    const auto dates = v.findChildren<QLabel*>(QStringLiteral("planDates"));
    QCOMPARE(dates.size(), 2);
    QVERIFY(dates.at(0)->text().contains(QStringLiteral("Ongoing")));
    QVERIFY(dates.at(1)->text().contains(QStringLiteral("ENDED 01-Aug-2026")));
    QCOMPARE(text(*cards.at(0), "officeHoursPhone"), QStringLiteral("01632 960001"));
    QCOMPARE(text(*cards.at(0), "emergencyDutyPhone"), QStringLiteral("07700 900001"));
    QVERIFY(v.findChild<QTableView*>(QStringLiteral("accessHistoryView"))->isVisible());
    // As drawn: the current plan with NHS red's edge on white, the ended one pale grey with no
    // red at its edge.
    const QImage current = cards.at(0)->grab().toImage();
    const QImage ended = cards.at(1)->grab().toImage();
    const int mid = current.height() / 2;
    QCOMPARE(current.pixelColor(3, mid), QColor(QStringLiteral("#d5281b")));
    QCOMPARE(current.pixelColor(current.width() - 4, mid), QColor(Qt::white));
    QVERIFY(ended.pixelColor(3, ended.height() / 2) != QColor(QStringLiteral("#d5281b")));
    QCOMPARE(ended.pixelColor(ended.width() / 2, 4), QColor(QStringLiteral("#f0f4f5")));
}

void TestCpisResultView::noRecordNeverSaysSafe()
{
    CpisResultView v;
    v.showResult(result(LookupResult::State::NoRecord), kNow);
    QCOMPARE(v.shown(), CpisResultView::Shown::NoRecord);
    QCOMPARE(text(v, "cpisStateTitle"), QStringLiteral("No CP-IS record found"));
    const QString detail = text(v, "cpisStateDetail");
    QVERIFY(detail.contains(QStringLiteral("900 000 0009")));
    QVERIFY(detail.contains(QStringLiteral("25-Nov-2026")));
    QVERIFY(detail.contains(QStringLiteral("does not mean the child is safe")));
    QVERIFY(v.findChildren<QFrame*>(QStringLiteral("planCard")).isEmpty());
}

void TestCpisResultView::couldNotCheckGivesReasonAndProcedure()
{
    CpisResultView v;
    v.showResult(result(LookupResult::State::CouldNotCheck), kNow);
    QCOMPARE(v.shown(), CpisResultView::Shown::CouldNotCheck);
    QVERIFY(text(v, "cpisStateTitle").contains(QStringLiteral("COULD NOT BE CHECKED")));
    const QString detail = text(v, "cpisStateDetail");
    QVERIFY(detail.contains(LookupResult::reasonText(LookupResult::Reason::Timeout)));
    QVERIFY(detail.contains(QStringLiteral("Follow local safeguarding procedure")));
    QVERIFY(!detail.contains(QStringLiteral("No CP-IS record")));
    QVERIFY(!v.findChild<QTableView*>(QStringLiteral("accessHistoryView"))->isVisibleTo(&v));
}

void TestCpisResultView::cachedAnswerSaysAsOf()
{
    LookupResult r = result(LookupResult::State::PlansFound);
    r.fromCache = true;
    r.reason = LookupResult::Reason::Offline;
    r.answeredAtUtc = kNow.addSecs(-3 * 3600);
    CpisResultView v;
    v.showResult(r, kNow);
    QVERIFY(v.showsCachedAnswer());
    // The first line says it is the offline copy, from when and how old, before anything else.
    const QString notice = text(v, "cpisProvenance");
    QCOMPARE(notice, v.provenanceText());
    QVERIFY2(
        notice.startsWith(QStringLiteral("OFFLINE COPY from 25-Nov-2026 09:00 (3 h 0 min old)")),
        qPrintable(notice));
    QVERIFY(v.accessibleName().startsWith(QStringLiteral("OFFLINE COPY")));
    QVERIFY(!text(v, "cpisStateDetail").contains(QStringLiteral("CP-IS was checked")));

    CpisResultView live;
    live.showResult(result(LookupResult::State::PlansFound), kNow);
    QVERIFY(!live.showsCachedAnswer());
}

void TestCpisResultView::historyModelIsSound()
{
    cpis::ui::AccessHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRecords(result(LookupResult::State::PlansFound).accessHistory);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("25-Nov-2026 11:00"));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("A Nurse"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestCpisResultView::bannerFollowsCui()
{
    cpis::Demographics d;
    d.nhsNumber = nhs("9000000017");
    d.supersededFrom = nhs("9000000009");
    d.familyName = QStringLiteral("Smith");
    d.givenName = QStringLiteral("Jane");
    d.title = QStringLiteral("Miss");
    d.birthDate = cpis::PartialDate::fromDate(QDate(2016, 11, 22));
    d.gender = QStringLiteral("female");
    d.confidentiality = cpis::Demographics::Confidentiality::Restricted;
    cpis::ui::PatientBanner b;
    b.setPatient(d, QDate(2026, 11, 25));
    QCOMPARE(text(b, "bannerName"), QStringLiteral("SMITH, Jane (Miss)"));
    QCOMPARE(text(b, "bannerBorn"), QStringLiteral("22-Nov-2016 (10y)"));
    QCOMPARE(text(b, "bannerGender"), QStringLiteral("Female"));
    QCOMPARE(text(b, "bannerNhsNumber"), QStringLiteral("900 000 0017"));
    const QString notes = text(b, "bannerNotes");
    QVERIFY(notes.contains(QStringLiteral("900 000 0009")));
    QVERIFY(notes.contains(QStringLiteral("Restricted")));
    for (QLabel* l : b.findChildren<QLabel*>())
        QVERIFY2(!l->text().endsWith(u':'), qPrintable(l->text())); // CUI: no colons
    QVERIFY(b.findChild<QLabel*>(QStringLiteral("bannerDied"))->isHidden());
    b.clear();
    QVERIFY(text(b, "bannerName").isEmpty());
}

// Someone PDS records as dead has a date of death where the age would be, never an age; a
// partial birth date shows only what was recorded.
void TestCpisResultView::bannerShowsDeathAndPartialDates()
{
    cpis::Demographics d;
    d.nhsNumber = nhs("9000000009");
    d.familyName = QStringLiteral("Smith");
    d.givenName = QStringLiteral("Jane");
    d.birthDate = cpis::PartialDate::fromDate(QDate(2016, 11, 22));
    d.deceased = cpis::PartialDate::fromDate(QDate(2026, 3, 3));
    cpis::ui::PatientBanner b;
    b.show();
    b.setPatient(d, QDate(2026, 11, 25));
    QCOMPARE(text(b, "bannerBorn"), QStringLiteral("22-Nov-2016"));
    QCOMPARE(text(b, "bannerDied"), QStringLiteral("03-Mar-2026"));
    QVERIFY(b.findChild<QLabel*>(QStringLiteral("bannerDied"))->isVisible());
    QVERIFY(b.summaryText().contains(QStringLiteral("died 03-Mar-2026")));
    QVERIFY(!b.summaryText().contains(QStringLiteral("(")));

    d.deceased.reset();
    d.birthDate = cpis::PartialDate::fromYearMonth(2010, 10);
    d.temporaryAddress = QStringLiteral("Flat 2, 3 College Road, ZZ99 3AB");
    b.setPatient(d, QDate(2026, 11, 25));
    QCOMPARE(text(b, "bannerBorn"), QStringLiteral("Oct 2010"));
    QVERIFY(b.findChild<QLabel*>(QStringLiteral("bannerDied"))->isHidden());
    QVERIFY(text(b, "bannerNotes").contains(QStringLiteral("Temporary address")));
    d.birthDate = cpis::PartialDate::fromYear(2010);
    b.setPatient(d, QDate(2026, 11, 25));
    QCOMPARE(text(b, "bannerBorn"), QStringLiteral("2010"));

    d.confidentiality = cpis::Demographics::Confidentiality::VeryRestricted;
    b.setPatient(d, QDate(2026, 11, 25));
    QVERIFY(text(b, "bannerNotes").contains(QStringLiteral("withheld")));
    QVERIFY(!text(b, "bannerNotes").contains(QStringLiteral("College Road")));
}

void TestCpisResultView::firstLineSaysLiveOrCouldNotAndWhen()
{
    LookupResult live = result(LookupResult::State::PlansFound);
    live.cpisAsked = true;
    live.notificationSent = true;
    CpisResultView v;
    v.showResult(live, kNow);
    // 11:59 UTC is 11:59 in London in November.
    QCOMPARE(v.provenanceText(), QStringLiteral("Live answer from CP-IS, checked 11:59"));
    QVERIFY(text(v, "cpisStateDetail").contains(QStringLiteral("CP-IS was checked at")));
    QVERIFY(text(v, "cpisNotification").contains(QStringLiteral("was notified")));

    LookupResult silent = live;
    silent.notificationSent = false;
    v.showResult(silent, kNow);
    QVERIFY(text(v, "cpisNotification").contains(QStringLiteral("not notified")));

    LookupResult failed = result(LookupResult::State::CouldNotCheck);
    failed.cpisAsked = true;
    v.showResult(failed, kNow);
    QCOMPARE(v.provenanceText(), QStringLiteral("Could not check CP-IS at 12:00"));
    QVERIFY(v.findChild<QPushButton*>(QStringLiteral("cpisRetryButton"))->isVisibleTo(&v));
    // The transport's own count of what it sent. (Its singular and plural come from the British
    // English translation, "time"/"times"; "time(s)" is the source text until lupdate adds them.)
    static const QRegularExpression tried(QStringLiteral("^Could not check CP-IS at 12:00 "
                                                         "\\(tried (\\d) time(s|\\(s\\))?\\)$"));
    failed.attempts = 3;
    v.showResult(failed, kNow);
    QCOMPARE(tried.match(v.provenanceText()).captured(1), QStringLiteral("3"));
    failed.attempts = 1;
    v.showResult(failed, kNow);
    QCOMPARE(tried.match(v.provenanceText()).captured(1), QStringLiteral("1"));
    QVERIFY(!v.provenanceText().contains(QStringLiteral("times")));

    // Not traced: the words say CP-IS was never asked, and the headline is not CP-IS's.
    LookupResult untraced = result(LookupResult::State::CouldNotCheck);
    untraced.reason = LookupResult::Reason::PatientNotTraced;
    untraced.cpisAsked = false;
    untraced.attempts = 2;
    v.showResult(untraced, kNow);
    QVERIFY2(
        v.provenanceText().startsWith(QStringLiteral("Could not trace on PDS at 12:00 (tried 2 "
                                                     "time")) &&
            v.provenanceText().endsWith(QStringLiteral("): CP-IS was not asked")),
        qPrintable(v.provenanceText()));
    QCOMPARE(text(v, "cpisStateTitle"), QStringLiteral("COULD NOT TRACE THIS NHS NUMBER"));
    QVERIFY(text(v, "cpisNotification").isEmpty());
}

void TestCpisResultView::endedOnlyAndUnbornHaveTheirOwnHeadlines()
{
    LookupResult ended = result(LookupResult::State::PlansFound);
    ended.plans = {plan(cpis::PlanType::ChildProtection, QDate(2025, 1, 10), QDate(2026, 3, 3))};
    CpisResultView v;
    v.showResult(ended, kNow);
    QCOMPARE(text(v, "cpisStateTitle"), QStringLiteral("CP-IS: plan ended 03-Mar-2026"));
    QVERIFY(!text(v, "cpisStateTitle").contains(QStringLiteral("ALERT")));
    // NHS dark grey, not the red of a current plan's alert.
    QCOMPARE(v.findChild<QWidget*>(QStringLiteral("cpisState"))->palette().color(QPalette::Window),
             QColor(QStringLiteral("#425563")));

    LookupResult unborn = result(LookupResult::State::PlansFound);
    unborn.plans = {
        plan(cpis::PlanType::UnbornChildProtection, QDate(2026, 10, 1), QDate(2027, 4, 1))};
    cpis::Demographics mother;
    mother.nhsNumber = nhs("9000000009");
    mother.familyName = QStringLiteral("Testperson");
    mother.givenName = QStringLiteral("Ada");
    unborn.patient = mother;
    v.showResult(unborn, kNow);
    QVERIFY2(text(v, "cpisStateTitle").contains(QStringLiteral("unborn child of TESTPERSON, Ada")),
             qPrintable(text(v, "cpisStateTitle")));
}

void TestCpisResultView::rateLimitCountsDownThenOffersRetry()
{
    LookupResult limited = result(LookupResult::State::CouldNotCheck);
    limited.cpisAsked = true;
    limited.reason = LookupResult::Reason::RateLimited;
    limited.retryAfterSecs = 2;
    CpisResultView v;
    v.showResult(limited, kNow);
    auto* retry = v.findChild<QPushButton*>(QStringLiteral("cpisRetryButton"));
    QVERIFY(retry);
    QVERIFY(!retry->isVisibleTo(&v));
    const QString first = text(v, "cpisStateDetail");
    QTRY_VERIFY_WITH_TIMEOUT(text(v, "cpisStateDetail") != first, 1500); // it counts
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisibleTo(&v), 3000);
    QSignalSpy retried(&v, &CpisResultView::retryRequested);
    retry->click();
    QCOMPARE(retried.count(), 1);
}

void TestCpisResultView::copySaysCopied()
{
    CpisResultView v;
    v.showResult(result(LookupResult::State::PlansFound), kNow);
    auto* copy = v.findChild<QPushButton*>(QStringLiteral("emergencyDutyPhoneCopy"));
    QVERIFY(copy);
    QCOMPARE(v.firstAction(),
             static_cast<QWidget*>(
                 v.findChildren<QPushButton*>(QStringLiteral("officeHoursPhoneCopy")).first()));
    copy->click();
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
    QTRY_COMPARE_WITH_TIMEOUT(copy->text(), QStringLiteral("Copy"), 3000);
}

void TestCpisResultView::bannerElidesWithTheWholeInItsTooltip()
{
    cpis::ui::PatientBanner banner;
    cpis::Demographics p;
    p.nhsNumber = nhs("9000000009");
    p.familyName = QStringLiteral("Featherstonehaugh-Cholmondeley-Marjoribanks-Wolstenholme");
    p.givenName = QStringLiteral("Bartholomew Maximilian Alexander Montgomery");
    banner.setPatient(p, kNow.date());
    banner.resize(700, 80);
    banner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&banner));
    auto* name = banner.findChild<QLabel*>(QStringLiteral("bannerName"));
    QVERIFY(name);
    QTRY_VERIFY(name->text().endsWith(QChar(0x2026)));          // elided, never wrapped
    QVERIFY(banner.sizeHint().width() <= 1024);                 // never wider than the screen
    QVERIFY(banner.toolTip().contains(p.familyName.toUpper())); // the whole, in the tooltip
    QVERIFY(banner.accessibleDescription().contains(p.givenName));
}

void TestCpisResultView::recordOfAnUnknownPlanTypeIsNeitherNoRecordNorCouldNotCheck()
{
    LookupResult r = result(LookupResult::State::PlansFound);
    r.plans.clear();
    cpis::UndisplayableRecord u;
    u.typeCode = QStringLiteral("999999999999999");
    u.authority = plan(cpis::PlanType::ChildProtection, QDate(2026, 1, 1), std::nullopt).authority;
    r.undisplayable = {u};
    CpisResultView v;
    v.showResult(r, kNow);
    QCOMPARE(v.shown(), CpisResultView::Shown::RecordNotDisplayable);
    QCOMPARE(text(v, "cpisStateTitle"),
             QStringLiteral("CP-IS holds a record this desk cannot display: contact the "
                            "responsible local authority"));
    QVERIFY(!text(v, "cpisStateDetail").contains(QStringLiteral("no ")));
    QVERIFY(v.provenanceText().startsWith(QStringLiteral("Live answer from CP-IS, checked")));
    // In words, icon and colour: the alert's red and warning, not could-not-check's yellow.
    QCOMPARE(v.findChild<QWidget*>(QStringLiteral("cpisState"))->palette().color(QPalette::Window),
             QColor(QStringLiteral("#d5281b")));
    // The card names the authority with its numbers, each copyable; the code is not shown.
    auto cards = v.findChildren<QFrame*>(QStringLiteral("planCard"));
    QCOMPARE(cards.size(), 1);
    QCOMPARE(text(*cards.first(), "planType"), QStringLiteral("Record this desk cannot display"));
    QVERIFY(text(*cards.first(), "planAuthority").contains(QStringLiteral("Ashbourne")));
    QCOMPARE(text(*cards.first(), "emergencyDutyPhone"), QStringLiteral("07700 900001"));
    QVERIFY(cards.first()->findChild<QPushButton*>(QStringLiteral("emergencyDutyPhoneCopy")));
    QVERIFY(!cards.first()->accessibleName().isEmpty());
    for (const QLabel* l : v.findChildren<QLabel*>())
        QVERIFY(!l->text().contains(u.typeCode));

    // Without readable contacts, it says so; with a known plan beside it, both cards show.
    r.undisplayable.first().authority.reset();
    r.plans = {plan(cpis::PlanType::LookedAfter, QDate(2024, 3, 1), std::nullopt)};
    v.showResult(r, kNow);
    QCOMPARE(v.shown(), CpisResultView::Shown::RecordNotDisplayable);
    cards = v.findChildren<QFrame*>(QStringLiteral("planCard"));
    QCOMPARE(cards.size(), 2);
    QVERIFY(text(*cards.first(), "planAuthority").contains(QStringLiteral("could not be read")));
    QVERIFY(text(*cards.last(), "planType").contains(QStringLiteral("Looked After")));
}

QTEST_MAIN(TestCpisResultView)
#include "tst_cpisresultview.moc"
