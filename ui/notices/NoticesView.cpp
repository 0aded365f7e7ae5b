#include "ui/notices/NoticesView.h"

#include "core/domain/Clock.h"
#include "core/domain/DisplayFormat.h"
#include "core/domain/PlanType.h"
#include "ui/notices/NoticeFilterModel.h"
#include "ui/notices/NoticeModel.h"
#include "ui/widgets/DateFilterEdit.h"
#include "ui/widgets/DesktopNotifier.h"
#include "ui/widgets/PlainLabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

namespace cpis::ui {

namespace {
DateFilterEdit* dateFilter(const QString& name, const Clock& clock, QWidget* parent)
{
    auto* edit = new DateFilterEdit(clock, parent);
    edit->setObjectName(name);
    return edit;
}
} // namespace

NoticesView::NoticesView(std::unique_ptr<NoticeService> service,
                         DesktopNotifier* notifier,
                         const Clock& clock,
                         QWidget* parent)
    : QWidget(parent), m_service(std::move(service)), m_notifier(notifier), m_clock(clock)
{
    setObjectName(QStringLiteral("noticesView"));
    setAccessibleName(tr("Attendance notices"));
    m_model = new NoticeModel(this);
    m_filter = new NoticeFilterModel(this);
    m_filter->setSourceModel(m_model);

    // Top line: when the mailbox was last checked, or why it could not be.
    m_status = new PlainLabel(tr("Checking for notices…"), this);
    m_status->setObjectName(QStringLiteral("noticesCheckStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(m_status->text());
    m_check = new QPushButton(tr("&Check now"), this);
    m_check->setObjectName(QStringLiteral("noticesCheckNow"));
    m_check->setAccessibleName(tr("Check for new notices now"));

    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(QStringLiteral("noticesStatusTabs"));
    m_tabs->addTab(tr("New"));
    m_tabs->addTab(tr("Acknowledged"));
    m_tabs->setAccessibleName(tr("Show new or acknowledged notices"));
    m_tabs->setFocusPolicy(Qt::StrongFocus);
    // The tabs share the status line, so the filters below have the window's whole width.
    auto* top = new QHBoxLayout;
    top->addWidget(m_tabs);
    top->addSpacing(12);
    top->addWidget(m_status, 1);
    // A large MESH message downloads in chunks: its progress, and a way to stop it.
    m_download = new QProgressBar(this);
    m_download->setObjectName(QStringLiteral("noticesDownload"));
    m_download->setAccessibleName(tr("Downloading a message from the mailbox"));
    m_download->setVisible(false);
    m_cancelDownload = new QPushButton(tr("Stop download"), this);
    m_cancelDownload->setObjectName(QStringLiteral("noticesStopDownload"));
    m_cancelDownload->setAccessibleName(tr("Stop downloading the message"));
    m_cancelDownload->setVisible(false);
    top->addWidget(m_download);
    top->addWidget(m_cancelDownload);
    top->addWidget(m_check);

    m_child = new QLineEdit(this);
    m_child->setObjectName(QStringLiteral("noticesChildFilter"));
    m_child->setPlaceholderText(tr("NHS number or LA child id"));
    m_child->setClearButtonEnabled(true);
    m_child->setAccessibleName(tr("Filter by child: NHS number or local authority child id"));
    m_from = dateFilter(QStringLiteral("noticesFromDate"), m_clock, this);
    m_from->setAccessibleName(tr("Looked up on or after"));
    m_to = dateFilter(QStringLiteral("noticesToDate"), m_clock, this);
    m_to->setAccessibleName(tr("Looked up on or before"));
    m_site = new QComboBox(this);
    m_site->setObjectName(QStringLiteral("noticesSiteFilter"));
    m_site->setAccessibleName(tr("Filter by site"));
    m_site->addItem(tr("All sites"), QString());
    // A long site name is elided in the box; the whole of it is in the tooltip.
    m_site->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_site->setMinimumContentsLength(14);
    auto* childLabel = new PlainLabel(tr("C&hild:"), this);
    childLabel->setBuddy(m_child);
    auto* fromLabel = new PlainLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new PlainLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto* siteLabel = new PlainLabel(tr("&Site:"), this);
    siteLabel->setBuddy(m_site);
    auto* filters = new QHBoxLayout;
    filters->addWidget(childLabel);
    filters->addWidget(m_child, 1);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addWidget(siteLabel);
    filters->addWidget(m_site, 1);
    // A typed day that is not a day is said here, next to the filters, not taken as "Any".
    m_filterProblem = new PlainLabel(this);
    m_filterProblem->setObjectName(QStringLiteral("noticesFilterProblem"));
    m_filterProblem->setWordWrap(true);
    m_filterProblem->setStyleSheet(QStringLiteral("color: #a00000;"));
    m_filterProblem->hide();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("noticesTable"));
    m_table->setAccessibleName(tr("Attendance notices"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NoticeModel::When, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    // Short columns keep their width; the viewer and the site share the rest, elided with
    // the whole text in the tooltip, so the table never scrolls sideways.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NoticeModel::Viewer, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(NoticeModel::Site, QHeaderView::Stretch);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);

    // The detail pane: every field of the selected notice, selectable for copying.
    m_detail = new QWidget(this);
    m_detail->setObjectName(QStringLiteral("noticeDetail"));
    m_detail->setAccessibleName(tr("Notice detail"));
    auto* form = new QFormLayout(m_detail);
    m_openHint = new PlainLabel(tr("Select a notice and press Enter (or double-click it) to open "
                                   "it here."),
                                m_detail);
    m_openHint->setObjectName(QStringLiteral("noticeOpenHint"));
    m_openHint->setWordWrap(true);
    m_openHint->setAccessibleName(m_openHint->text());
    form->addRow(m_openHint);
    const QStringList fields{tr("NHS number:"), tr("LA child id:"), tr("Plan:"),
                             tr("Looked up:"),  tr("By:"),          tr("Role:"),
                             tr("Site:"),       tr("Received:"),    tr("Acknowledged:")};
    for (const QString& f : fields) {
        auto* value = new PlainLabel(m_detail);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true); // a long role or site wraps in the narrow pane
        form->addRow(PlainLabel::forField(f, value), value);
        m_detailValues.append(value);
    }
    m_acknowledge = new QPushButton(tr("&Acknowledge (Ctrl+K)"), m_detail);
    m_acknowledge->setObjectName(QStringLiteral("noticeAcknowledge"));
    m_acknowledge->setAccessibleName(tr("Acknowledge the selected notice"));
    m_acknowledge->setEnabled(false);
    m_action = new PlainLabel(m_detail);
    m_action->setObjectName(QStringLiteral("noticeActionStatus"));
    m_action->setWordWrap(true);
    m_action->setAccessibleName(tr("Acknowledgement status"));
    form->addRow(m_acknowledge);
    form->addRow(m_action);

    m_detail->setMinimumWidth(240);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_filterProblem);
    layout->addWidget(split, 1);

    setTabOrder(m_table, m_acknowledge);
    setTabOrder(m_acknowledge, m_tabs);
    setTabOrder(m_tabs, m_child);
    setTabOrder(m_child, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_site);
    setTabOrder(m_site, m_check);
    setFocusProxy(m_table);

    auto* ack = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    ack->setContext(Qt::WidgetWithChildrenShortcut);
    connect(ack, &QShortcut::activated, this, &NoticesView::acknowledgeOpened);
    connect(m_acknowledge, &QPushButton::clicked, this, &NoticesView::acknowledgeOpened);
    connect(m_check, &QPushButton::clicked, m_service.get(), &NoticeService::checkNow);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        m_filter->setShowAcknowledged(index == 1);
        onFiltersChanged();
    });
    connect(m_child, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setChildText(text);
        onFiltersChanged();
    });
    connect(m_from, &DateFilterEdit::dateChanged, this, &NoticesView::applyDates);
    connect(m_to, &DateFilterEdit::dateChanged, this, &NoticesView::applyDates);
    for (DateFilterEdit* edit : {m_from, m_to})
        connect(edit, &DateFilterEdit::notRecognised, this, [this](const QString& text) {
            m_filterProblem->setText(tr("Not a day the desk can read: %1. Type it as 07-Dec-2026 "
                                        "or 07/12/2026, or Any.")
                                         .arg(text.left(32)));
            m_filterProblem->setAccessibleName(m_filterProblem->text());
            m_filterProblem->show();
        });
    connect(m_site, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSite(m_site->currentData().toString());
        m_site->setToolTip(m_site->currentText());
        onFiltersChanged();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NoticesView::onCurrentChanged);
    connect(m_table, &QAbstractItemView::activated, this, &NoticesView::open);
    connect(m_service.get(), &NoticeService::checked, this, &NoticesView::showChecked);
    connect(m_service.get(), &NoticeService::checked, this, [this] {
        m_download->setVisible(false);
        m_cancelDownload->setVisible(false);
    });
    connect(m_service.get(), &NoticeService::downloadProgress, this,
            [this](const QString&, qint64 bytes, int chunk, int chunks) {
                m_download->setRange(0, chunks);
                m_download->setValue(chunk);
                m_download->setFormat(
                    tr("%1 MB, part %2 of %3").arg(bytes / (1024 * 1024)).arg(chunk).arg(chunks));
                m_download->setVisible(chunks > 1 || bytes > 1024 * 1024);
                m_cancelDownload->setVisible(m_download->isVisible());
            });
    connect(m_cancelDownload, &QPushButton::clicked, m_service.get(),
            &NoticeService::cancelDownload);
    connect(m_service.get(), &NoticeService::newNotices, this, &NoticesView::onNewNotices);
    connect(m_service.get(), &NoticeService::acknowledgeFinished, this,
            &NoticesView::onAcknowledged);

    showDetail(nullptr);
    reload(); // what this desk already holds shows while the first check runs
    m_service->start();
}

NoticesView::~NoticesView()
{
    // The children go after this object is no longer a NoticesView: nothing they emit on the
    // way out (a selection model losing its model) may reach a slot here, let alone audit.
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
    m_service->disconnect(this);
    m_service->stop();
    if (m_titled && !m_plainTitle.isNull())
        m_titled->setWindowTitle(m_plainTitle);
}

void NoticesView::reload()
{
    const AttendanceNotice* current = currentNotice();
    const QString keepCurrent = current ? NoticeModel::keyOf(*current) : QString();
    auto notices = m_service->notices();
    m_reloading = true;
    if (!notices) {
        // Said, not hidden: an empty table here would read as "no notices".
        m_model->setNotices({});
        say(tr("The stored notices could not be read: %1").arg(notices.error().message));
    } else {
        m_model->setNotices(notices.value());
    }
    // What was not in the last load arrived since: marked until opened.
    QSet<QString> keys;
    for (const AttendanceNotice& n : m_model->notices())
        keys.insert(NoticeModel::keyOf(n));
    if (m_loaded)
        m_fresh.unite(keys - m_known);
    m_fresh.intersect(keys);
    m_known = keys;
    m_loaded = m_loaded || bool(notices);
    m_model->setFresh(m_fresh);
    rebuildSites();
    m_reloading = false;
    updateTabs();
    // The selection comes back; the detail only if its notice is still the one selected.
    // Nothing is opened here: that is the user's act alone.
    int row = -1;
    for (int r = 0; r < m_model->rowCount() && row < 0; ++r)
        row = NoticeModel::keyOf(m_model->notice(r)) == keepCurrent ? r : -1;
    const QModelIndex at =
        row >= 0 ? m_filter->mapFromSource(m_model->index(row, 0)) : QModelIndex();
    if (at.isValid())
        m_table->setCurrentIndex(at);
    m_table->resizeColumnsToContents();
    onCurrentChanged();
    if (const AttendanceNotice* opened = openedNotice())
        showDetail(opened); // its acknowledgement may have changed
    emit noticesShown();
}

void NoticesView::rebuildSites()
{
    const QString chosen = m_site->currentData().toString();
    QMap<QString, QString> sites; // ODS code → name, sorted by code
    for (const AttendanceNotice& n : m_model->notices())
        sites.insert(n.organisationCode, n.organisationName);
    const QSignalBlocker block(m_site);
    m_site->clear();
    m_site->addItem(tr("All sites"), QString());
    for (auto it = sites.constBegin(); it != sites.constEnd(); ++it) {
        m_site->addItem(it.value() + QStringLiteral(" (") + it.key() + u')', it.key());
        m_site->setItemData(m_site->count() - 1, m_site->itemText(m_site->count() - 1),
                            Qt::ToolTipRole);
    }
    const int keep = m_site->findData(chosen);
    m_site->setCurrentIndex(keep < 0 ? 0 : keep);
    m_filter->setSite(m_site->currentData().toString());
}

void NoticesView::updateTabs()
{
    // The counts say what the filters hide: "New (3 of 31)" when 3 of 31 new notices show.
    int freshAll = 0, freshShown = 0, ackAll = 0, ackShown = 0;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const bool shown = m_filter->matchesFilters(r);
        if (m_model->notice(r).isAcknowledged()) {
            ++ackAll;
            ackShown += shown ? 1 : 0;
        } else {
            ++freshAll;
            freshShown += shown ? 1 : 0;
        }
    }
    const auto count = [](int shown, int all) {
        return shown == all ? QString::number(all) : tr("%1 of %2").arg(shown).arg(all);
    };
    m_tabs->setTabText(0, tr("New (%1)").arg(count(freshShown, freshAll)));
    m_tabs->setTabText(1, tr("Acknowledged (%1)").arg(count(ackShown, ackAll)));
    updateAlert();
}

void NoticesView::updateAlert()
{
    // Only when the desktop could not show the alert: the window title (what the task bar and
    // a screen reader's window list show) and the New tab say how many arrived unopened.
    const int fresh = int(m_fresh.size());
    if (fresh == 0)
        m_alertInWindow = false;
    const bool show = m_alertInWindow;
    m_tabs->setTabTextColor(0, show ? QColor(0xa0, 0x00, 0x00) : QColor());
    m_tabs->setTabToolTip(
        0, show ? tr("%n notice(s) arrived that nobody has opened here yet", nullptr, fresh)
                : QString());
    QWidget* top = window();
    if (show && top != this) {
        if (m_titled != top) {
            if (m_titled && !m_plainTitle.isNull())
                m_titled->setWindowTitle(m_plainTitle);
            m_titled = top;
            m_plainTitle = top->windowTitle();
        }
        top->setWindowTitle(tr("(%n new) %1", nullptr, fresh).arg(m_plainTitle));
    } else if (m_titled && !m_plainTitle.isNull()) {
        m_titled->setWindowTitle(m_plainTitle);
        m_titled.clear();
        m_plainTitle = QString();
    }
}

void NoticesView::applyDates()
{
    m_filterProblem->hide();
    m_filter->setDateRange(m_from->date(), m_to->date());
    onFiltersChanged();
}

void NoticesView::onFiltersChanged()
{
    updateTabs();
    onCurrentChanged();
}

void NoticesView::showChecked()
{
    const NoticeService::State& s = m_service->state();
    const QString last =
        s.lastSuccessUtc.isValid() ? display::dateTime(s.lastSuccessUtc) : tr("never");
    if (s.error.isEmpty()) {
        m_status->setText(tr("Last checked: %1").arg(last));
        m_status->setStyleSheet(QString());
    } else {
        const int minutes = qMax(1, (m_service->nextIntervalMs() + 59999) / 60000);
        m_status->setText(tr("Could not check for new notices at %1: %2 Last successful check: "
                             "%3. New notices may be missing from this list. Next try in %4 "
                             "min.")
                              .arg(display::time(s.lastAttemptUtc), s.error, last)
                              .arg(minutes));
        m_status->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold;"));
    }
    m_status->setAccessibleName(m_status->text());
    reload();
}

void NoticesView::onNewNotices(int count)
{
    if (count <= 0)
        return;
    // Counts only: the notification may show on a screen others can see.
    const bool shown =
        m_notifier &&
        m_notifier->notify(tr("CP-IS Desk"), tr("%n new attendance notice(s)", nullptr, count));
    // The rows are marked by the reload that follows; without a desktop alert, so is the window.
    m_alertInWindow = m_alertInWindow || !shown;
}

const AttendanceNotice* NoticesView::noticeAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != m_filter)
        return nullptr;
    const QModelIndex source = m_filter->mapToSource(index);
    return source.isValid() ? &m_model->notice(source.row()) : nullptr;
}

const AttendanceNotice* NoticesView::currentNotice() const
{
    return noticeAt(m_table->currentIndex());
}

const AttendanceNotice* NoticesView::openedNotice() const
{
    const AttendanceNotice* n = currentNotice();
    return n && !m_openedKey.isEmpty() && NoticeModel::keyOf(*n) == m_openedKey ? n : nullptr;
}

void NoticesView::onCurrentChanged()
{
    if (m_reloading)
        return;
    // The row with the keyboard focus is the selected row, so what Enter opens is what is
    // highlighted (a table given focus by Tab makes a row current without selecting it).
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && !m_table->selectionModel()->isRowSelected(current.row(), {}))
        m_table->selectionModel()->select(current, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    // The detail pane shows the opened notice only while it is the selected one.
    if (!m_openedKey.isEmpty() && !openedNotice())
        closeDetail();
}

void NoticesView::open(const QModelIndex& index)
{
    const AttendanceNotice* n = noticeAt(index);
    if (!n)
        return;
    const QString key = NoticeModel::keyOf(*n);
    m_table->setCurrentIndex(index);
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    m_openedKey = key;
    m_fresh.remove(key);
    m_model->setFresh(m_fresh);
    updateAlert();
    // A message about another notice must not sit under this one.
    say(QString());
    showDetail(openedNotice());
}

void NoticesView::closeDetail()
{
    m_openedKey.clear();
    showDetail(nullptr);
}

void NoticesView::say(const QString& text)
{
    m_action->setText(text);
    m_action->setAccessibleName(text.isEmpty() ? tr("Acknowledgement status") : text);
}

QString NoticesView::describe(const AttendanceNotice& n) const
{
    const QString child = n.nhsNumber.isNull() ? tr("LA child id %1").arg(n.localChildId)
                                               : tr("NHS No. %1").arg(n.nhsNumber.display());
    return tr("notice for %1 looked up %2").arg(child, display::dateTime(n.whenUtc));
}

void NoticesView::showDetail(const AttendanceNotice* n)
{
    m_openHint->setVisible(!n);
    if (!n) {
        for (QLabel* l : std::as_const(m_detailValues)) {
            l->clear();
            l->setAccessibleName(QString());
        }
        m_acknowledge->setEnabled(false);
        return;
    }
    const QStringList values{
        n->nhsNumber.display(),
        n->localChildId,
        n->isNotice() ? (n->planType ? planTypeText(*n->planType) : QString())
                      : (n->kind == AttendanceNotice::Kind::Unreadable
                             ? tr("A notice could not be read (MESH message %1)").arg(n->messageId)
                             : tr("MESH delivery error (message %1)").arg(n->messageId)),
        display::dateTime(n->whenUtc),
        n->systemId.isEmpty() ? n->viewerName : tr("System %1").arg(n->systemId),
        n->isNotice() ? n->viewerRole : n->problem,
        n->isNotice()
            ? QString(n->organisationName + QStringLiteral(" (") + n->organisationCode + u')')
            : QString(),
        display::dateTime(n->receivedUtc),
        n->isAcknowledged()
            ? tr("%1 by %2").arg(display::dateTime(n->acknowledgedUtc), n->acknowledgedBy)
            : tr("Not yet")};
    for (int i = 0; i < values.size(); ++i) {
        m_detailValues.at(i)->setText(values.at(i));
        m_detailValues.at(i)->setAccessibleName(values.at(i));
    }
    m_acknowledge->setEnabled(!n->isAcknowledged() && !m_service->isAcknowledging(n->messageId));
    if (const QString problem = m_service->recordView(*n); !problem.isEmpty())
        say(tr("Warning: opening this notice could not be recorded in the audit log: %1")
                .arg(problem));
}

QString NoticesView::detailText() const
{
    QStringList lines;
    for (const QLabel* l : m_detailValues)
        lines.append(l->text());
    return lines.join(u'\n');
}

void NoticesView::acknowledgeOpened()
{
    const AttendanceNotice* n = openedNotice();
    if (!n) {
        if (currentNotice())
            say(tr("Open the selected notice (Enter) before acknowledging it."));
        return;
    }
    if (n->isAcknowledged() || m_service->isAcknowledging(n->messageId))
        return;
    m_acknowledge->setEnabled(false);
    m_ackNames.insert(n->messageId, describe(*n));
    say(tr("Acknowledging the %1…").arg(describe(*n)));
    m_service->acknowledge(n->messageId);
}

void NoticesView::onAcknowledged(const QString& messageId, const QString& error)
{
    // Named, because by the time it is said the list (and the pane) may show another notice.
    const QString what = m_ackNames.take(messageId);
    if (error.isEmpty())
        say(what.isEmpty() ? tr("Acknowledged.") : tr("Acknowledged: %1.").arg(what));
    else
        say(what.isEmpty() ? error : tr("About the %1: %2").arg(what, error));
    reload(); // the notice leaves New, and its detail closes
    // On to the next new one, selected and ready for Enter, not opened.
    if (error.isEmpty() && !m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_table->setCurrentIndex(m_filter->index(0, 0));
    m_table->setFocus();
}

} // namespace cpis::ui
