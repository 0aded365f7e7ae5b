#pragma once
// What tst_deskshell and tst_triagelookup both do to the training desk, as a nurse would with
// the keyboard, and how they read what it shows. The steps fail the running test (QVERIFY)
// when they cannot be done; a caller checks QTest::currentTestFailed() where it matters.
#include "tests/support/TrainingDesk.h"
#include "ui/directory/DirectoryEntryDialog.h"
#include "ui/directory/LocalDirectoryDialog.h"
#include "ui/directory/LocalDirectoryModel.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/NhsNumberEdit.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace cpis::testsupport {

inline QLabel* label(QWidget* w, const char* name)
{
    return w->findChild<QLabel*>(QLatin1String(name));
}

// Every piece of text a visible widget shows or announces.
inline QStringList visibleText(QWidget* root)
{
    QStringList out;
    QList<QWidget*> all = root->findChildren<QWidget*>();
    all.prepend(root);
    for (QWidget* w : all) {
        if (!w->isVisible())
            continue;
        out << w->accessibleName() << w->accessibleDescription() << w->toolTip()
            << w->windowTitle();
        if (auto* l = qobject_cast<QLabel*>(w))
            out << l->text();
        if (auto* e = qobject_cast<QLineEdit*>(w))
            out << e->text() << e->placeholderText();
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            out << b->text();
        if (auto* v = qobject_cast<QAbstractItemView*>(w); v && v->model()) {
            const QAbstractItemModel* m = v->model();
            for (int r = 0; r < m->rowCount(); ++r)
                for (int c = 0; c < m->columnCount(); ++c)
                    out << m->data(m->index(r, c)).toString()
                        << m->data(m->index(r, c), Qt::AccessibleTextRole).toString();
        }
    }
    return out;
}

inline bool anyContains(const QStringList& texts, const QString& needle)
{
    for (const QString& t : texts)
        if (t.contains(needle, Qt::CaseInsensitive))
            return true;
    return false;
}

// Signs in through the dialog; a role that may look up lands in the NHS No. field.
inline void signInToLookUp(TrainingDesk& desk, const QString& userId)
{
    signInByKeyboard(*desk.window, userId);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(desk.triage());
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(desk.triage()->nhsField()));
}

// Esc, the digits, Enter: the look-up starts; its answer comes as TriageView::lookupAnswered.
inline void typeAndSearch(ui::TriageView* triage, const QString& digits)
{
    QVERIFY(triage);
    ui::NhsNumberEdit* field = triage->nhsField();
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(field->text().isEmpty());
    QTest::keyClicks(field, digits);
    QTest::keyClick(field, Qt::Key_Return);
}

// Ctrl+Enter: the banner matches; CP-IS is asked, and its answer opens the section.
inline void confirmByKeyboard(ui::TriageView* triage)
{
    QVERIFY(triage);
    QVERIFY(triage->awaitsConfirmation());
    QSignalSpy shown(triage, &ui::TriageView::resultShown);
    QTest::keyClick(triage->nhsField(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(shown.wait(10000));
}

// The Desk menu's local directory, focused on its table; null when it did not open.
inline ui::LocalDirectoryDialog* openDirectory(ui::MainWindow& w)
{
    auto* action = w.findChild<QAction*>(QStringLiteral("localDirectoryAction"));
    if (!action)
        return nullptr;
    action->trigger();
    auto* d = w.findChild<ui::LocalDirectoryDialog*>();
    if (!d || !QTest::qWaitForWindowExposed(d))
        return nullptr;
    QApplication::setActiveWindow(d);
    d->view()->setFocus();
    return d;
}

inline ui::DirectoryEntryDialog* entryDialog(ui::LocalDirectoryDialog* directory)
{
    // The entry dialog deletes itself later on close: take the one that is showing.
    for (auto* e : directory->findChildren<ui::DirectoryEntryDialog*>())
        if (e->isVisible())
            return e;
    return nullptr;
}

inline void addEntry(ui::LocalDirectoryDialog* directory, const DirectoryEntry& e)
{
    QTest::keyClick(directory->view(), Qt::Key_Insert); // keyboard: Insert adds
    QTRY_VERIFY(entryDialog(directory));
    ui::DirectoryEntryDialog* d = entryDialog(directory);
    auto* ods = d->findChild<QLineEdit*>(QStringLiteral("directoryOds"));
    auto* email = d->findChild<QLineEdit*>(QStringLiteral("directoryEmail"));
    auto* notes = d->findChild<QPlainTextEdit*>(QStringLiteral("directoryNotes"));
    QVERIFY(ods && email && notes);
    for (QWidget* c :
         {static_cast<QWidget*>(ods), static_cast<QWidget*>(email), static_cast<QWidget*>(notes)})
        QVERIFY(!c->accessibleName().isEmpty());
    QTest::keyClicks(ods, e.odsCode);
    QTest::keyClicks(email, e.email);
    QTest::keyClicks(notes, e.notes);
    QTest::keyClick(email, Qt::Key_Return); // the dialog's default button: Save
    QTRY_VERIFY(!entryDialog(directory));
}

} // namespace cpis::testsupport
