<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../gui/about_dialog.py" line="47"/>
        <source>About Dropdesk</source>
        <translation>Über Dropdesk</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="52"/>
        <source>Dropdesk icon</source>
        <translation>Dropdesk-Symbol</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="53"/>
        <source>&lt;h2&gt;Dropdesk {0}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Dropdesk {0}&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="55"/>
        <source>Dropdesk version {0}</source>
        <translation>Dropdesk Version {0}</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="58"/>
        <source>Ship windows, cancellations and refunds for Shopify merchants who buy from AliExpress suppliers.</source>
        <translation>Versandfristen, Stornierungen und Rückerstattungen für Shopify-Händler, die bei AliExpress-Lieferanten einkaufen.</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="73"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="74"/>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>Ledger</source>
        <translation>Auftragsbuch</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="74"/>
        <source>none open</source>
        <translation>keines geöffnet</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="75"/>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="76"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="77"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="78"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="86"/>
        <source>Open &amp;logs folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="87"/>
        <source>Show the log files in the file manager</source>
        <translation>Die Protokolldateien im Dateimanager zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="89"/>
        <source>Save &amp;diagnostics…</source>
        <translation>&amp;Diagnosedaten speichern…</translation>
    </message>
    <message>
        <location filename="../../gui/about_dialog.py" line="91"/>
        <source>Save a zip for support: versions, settings, ledger size, the end of the log</source>
        <translation>Eine ZIP-Datei für den Support speichern: Versionen, Einstellungen, Größe des Auftragsbuchs, Ende des Protokolls</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="102"/>
        <source>Dropdesk is already open</source>
        <extracomment>What the services import (the slow part of a start), loaded by a worker after the first frame.</extracomment>
        <translation>Dropdesk ist bereits geöffnet</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="263"/>
        <location filename="../../gui/ledger_problem.py" line="34"/>
        <location filename="../../gui/server_ledger_dialog.py" line="43"/>
        <location filename="../../gui/server_ledger_dialog.py" line="59"/>
        <location filename="../../gui/server_ledger_dialog.py" line="61"/>
        <source>This ledger cannot be opened</source>
        <translation>Dieses Auftragsbuch lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="114"/>
        <location filename="../../gui/app.py" line="361"/>
        <source>{0} is damaged: {1}</source>
        <translation>{0} ist beschädigt: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="371"/>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="372"/>
        <source>The backup was copied to {0}. Open it with File &gt; Open ledger.</source>
        <translation>Die Sicherung wurde nach {0} kopiert. Öffnen Sie sie mit Datei &gt; Auftragsbuch öffnen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/asker.py" line="41"/>
        <source>Go back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/check_page.py" line="26"/>
        <source>Where the order stands</source>
        <translation>Stand der Bestellung</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/check_page.py" line="33"/>
        <source>&lt;b&gt;What you can do instead&lt;/b&gt;</source>
        <translation>&lt;b&gt;Was Sie stattdessen tun können&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/check_page.py" line="37"/>
        <source>Check the order now</source>
        <translation>Bestellung jetzt prüfen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/check_page.py" line="66"/>
        <source>Dropdesk asks AliExpress and Shopify for the order&apos;s current status when they are connected, and uses the ledger&apos;s last known status otherwise.</source>
        <translation>Dropdesk fragt AliExpress und Shopify nach dem aktuellen Stand der Bestellung, wenn sie verbunden sind, und nimmt sonst den letzten bekannten Stand aus dem Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/check_page.py" line="76"/>
        <location filename="../../gui/cancel_wizard/wizard.py" line="374"/>
        <source>Checking the order with AliExpress and Shopify…</source>
        <translation>Bestellung wird bei AliExpress und Shopify geprüft…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="192"/>
        <source>Continuing interrupted cancellations…</source>
        <extracomment>The status watch: every five minutes, at most 50 orders a pass. The AliExpress client spaces its calls (core.aliexpress.rate_limit), so a pass costs at most 100 calls, well inside the app&apos;s daily budget even with the app open all day.</extracomment>
        <translation>Unterbrochene Stornierungen werden fortgesetzt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="195"/>
        <source>Cancellations could not be continued: {0}</source>
        <translation>Stornierungen konnten nicht fortgesetzt werden: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="203"/>
        <source>Cancellations continued after the restart: {0}.</source>
        <translation>Nach dem Neustart fortgesetzte Stornierungen: {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="205"/>
        <source>{0} need you (Order &gt; Cancellations): {1}</source>
        <translation>{0} warten auf Sie (Bestellung &gt; Stornierungen): {1}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="221"/>
        <source>Moving cancellations on…</source>
        <translation>Stornierungen werden weitergeführt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="229"/>
        <source>AliExpress refresh: {0} cancellations moved on.</source>
        <translation>AliExpress-Aktualisierung: {0} Stornierungen weitergeführt.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="258"/>
        <source>Watching the open cancellations…</source>
        <translation>Offene Stornierungen werden beobachtet…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="267"/>
        <source>Cancellations moved on by themselves: {0}.</source>
        <translation>Stornierungen von selbst weitergekommen: {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="279"/>
        <source>Recording your answer…</source>
        <translation>Ihre Antwort wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/launcher.py" line="289"/>
        <source>Recorded. Now: {0}</source>
        <translation>Gespeichert. Jetzt: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/manual_panel.py" line="32"/>
        <source>Open in Shopify admin</source>
        <translation>Im Shopify-Adminbereich öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/manual_panel.py" line="46"/>
        <source>Amount refunded to the customer</source>
        <translation>An den Kunden erstatteter Betrag</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/manual_panel.py" line="50"/>
        <source>Refunded to the customer</source>
        <translation>An den Kunden erstattet</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/manual_panel.py" line="78"/>
        <source>I have refunded it in the Shopify admin</source>
        <translation>Ich habe im Shopify-Adminbereich erstattet</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/manual_panel.py" line="80"/>
        <source>I have cancelled it in the Shopify admin</source>
        <translation>Ich habe im Shopify-Adminbereich storniert</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="74"/>
        <source>Money of this cancellation</source>
        <translation>Geld dieser Stornierung</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="75"/>
        <source>Money</source>
        <translation>Geld</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="75"/>
        <location filename="../../gui/cancel_wizard/money_page.py" line="118"/>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="52"/>
        <location filename="../../gui/chargebacks_view.py" line="132"/>
        <location filename="../../gui/review_charts.py" line="123"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="75"/>
        <location filename="../../gui/review_view.py" line="355"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="75"/>
        <location filename="../../gui/order_details_panel.py" line="145"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="85"/>
        <source>The supplier&apos;s refund</source>
        <translation>Erstattung des Lieferanten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="91"/>
        <source>The money arrived</source>
        <translation>Das Geld ist eingegangen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="95"/>
        <source>Amount received</source>
        <translation>Erhaltener Betrag</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="102"/>
        <source>The supplier agreed to pay something back</source>
        <translation>Der Lieferant zahlt einen Teil zurück</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="108"/>
        <source>Follow a refund from the supplier</source>
        <translation>Erstattung vom Lieferanten verfolgen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="115"/>
        <source>Follow this refund</source>
        <translation>Diese Erstattung verfolgen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="121"/>
        <source>Note to the customer</source>
        <translation>Nachricht an den Kunden</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="140"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="141"/>
        <source>Abandoned</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="142"/>
        <source>Follow the money</source>
        <translation>Dem Geld folgen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="151"/>
        <source> It should arrive between {0} and {1}.</source>
        <translation> Es sollte zwischen {0} und {1} eingehen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="156"/>
        <source>The supplier owes you {0}.</source>
        <translation>Der Lieferant schuldet Ihnen {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="161"/>
        <source>The supplier owes you what you paid for this order; Dropdesk does not know the amount.</source>
        <translation>Der Lieferant schuldet Ihnen, was Sie für diese Bestellung bezahlt haben; Dropdesk kennt den Betrag nicht.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="168"/>
        <source> Say so here when it is in your account (change the amount if it differs).</source>
        <translation> Vermerken Sie hier, wenn es auf Ihrem Konto ist (ändern Sie den Betrag, falls er abweicht).</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="199"/>
        <source>by {0}</source>
        <translation>bis {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="205"/>
        <source>Paid back</source>
        <translation>Zurückgezahlt</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="224"/>
        <source>This cancellation is complete.</source>
        <translation>Diese Stornierung ist abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="228"/>
        <source>Out of pocket: {0} (the supplier paid nothing back).</source>
        <translation>Selbst getragen: {0} (der Lieferant hat nichts zurückgezahlt).</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="235"/>
        <source>Abandoned: {0}</source>
        <translation>Aufgegeben: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="235"/>
        <source>no reason</source>
        <translation>ohne Grund</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="241"/>
        <source>Shopify is done. Dropdesk keeps this cancellation open until the supplier&apos;s refund is in your account; the AliExpress refresh may also see it completed.</source>
        <translation>Shopify ist erledigt. Dropdesk hält diese Stornierung offen, bis die Erstattung des Lieferanten auf Ihrem Konto ist; auch die AliExpress-Aktualisierung kann sie als abgeschlossen erkennen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="263"/>
        <source>Enter the amount that arrived in your account.</source>
        <translation>Geben Sie den Betrag ein, der auf Ihrem Konto eingegangen ist.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="269"/>
        <source>Recording the supplier&apos;s refund…</source>
        <translation>Erstattung des Lieferanten wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/money_page.py" line="286"/>
        <source>Recording the refund the supplier agreed to…</source>
        <translation>Zugesagte Erstattung des Lieferanten wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="36"/>
        <source>Cancel this order everywhere</source>
        <translation>Diese Bestellung überall stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="40"/>
        <source>Dropdesk walks you through it: first the supplier on AliExpress (before the parcel ships), then the order on Shopify, then it follows the money until it is back. You can stop at any step and continue later.</source>
        <translation>Dropdesk führt Sie Schritt für Schritt: zuerst der Lieferant auf AliExpress (bevor das Paket verschickt wird), dann die Bestellung auf Shopify, dann folgt es dem Geld, bis es zurück ist. Sie können bei jedem Schritt anhalten und später weitermachen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="47"/>
        <location filename="../../gui/chargebacks_view.py" line="131"/>
        <location filename="../../gui/review_view.py" line="316"/>
        <location filename="../../gui/review_view.py" line="354"/>
        <source>Reason</source>
        <extracomment>Every part locked, none saying why (a run under way in the wizard, a closed run).</extracomment>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="51"/>
        <source>Whose fault</source>
        <translation>Verschulden</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="82"/>
        <source>Why is it cancelled?</source>
        <extracomment>Not shown (one method goes through the API today), carried through unchanged.</extracomment>
        <translation>Warum wird storniert?</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="83"/>
        <source>Whose fault was it?</source>
        <translation>Wer hat es verschuldet?</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="91"/>
        <source>The fault is for your refund review: it shows which habits cost money (the supplier&apos;s packing, your own product descriptions, the carrier).</source>
        <translation>Das Verschulden dient Ihrer Erstattungsauswertung: Sie zeigt, welche Gewohnheiten Geld kosten (die Verpackung des Lieferanten, Ihre eigenen Produktbeschreibungen, der Paketdienst).</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="56"/>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="99"/>
        <source>On Shopify</source>
        <translation>In Shopify</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="57"/>
        <source>Cancel the order and refund the customer</source>
        <translation>Bestellung stornieren und dem Kunden erstatten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="58"/>
        <source>Cancel {0} orders everywhere</source>
        <translation>{0} Bestellungen überall stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="58"/>
        <source>Refund the customer, keep the order</source>
        <translation>Dem Kunden erstatten, Bestellung behalten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="61"/>
        <source>Tell the customer by email</source>
        <translation>Den Kunden per E-Mail benachrichtigen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="77"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="94"/>
        <source>Start all</source>
        <translation>Alle starten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="123"/>
        <source>Starting the cancellations…</source>
        <translation>Die Stornierungen werden gestartet…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="205"/>
        <source>Order {0} (AliExpress {1}): the message is on the clipboard. Request the cancellation on the AliExpress page, then confirm here.</source>
        <translation>Bestellung {0} (AliExpress {1}): Die Nachricht ist in der Zwischenablage. Beantragen Sie die Stornierung auf der AliExpress-Seite und bestätigen Sie dann hier.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="213"/>
        <source>{0} cancellations started; {1} need your answer in Needs me.</source>
        <translation>{0} Stornierungen gestartet; {1} brauchen Ihre Antwort unter „Was ansteht“.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="218"/>
        <source>{0} not started (see the list).</source>
        <translation>{0} nicht gestartet (siehe Liste).</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_dialog.py" line="50"/>
        <source>Change decision</source>
        <translation>Entscheidung ändern</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="64"/>
        <source>Do it on Shopify at once, without waiting for the supplier (at my own risk)</source>
        <translation>Sofort in Shopify erledigen, ohne auf den Lieferanten zu warten (auf mein eigenes Risiko)</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="146"/>
        <source>Cannot change any more: {0}</source>
        <translation>Nicht mehr änderbar: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_dialog.py" line="65"/>
        <source>Only what has not happened yet can change. A locked choice says why when you point at it.</source>
        <translation>Ändern lässt sich nur, was noch nicht geschehen ist. Eine gesperrte Auswahl nennt den Grund, wenn Sie darauf zeigen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_dialog.py" line="69"/>
        <source>This cancellation is closed; its decision cannot change.</source>
        <translation>Diese Stornierung ist abgeschlossen; ihre Entscheidung kann sich nicht mehr ändern.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_dialog.py" line="73"/>
        <source>Save the decision</source>
        <translation>Entscheidung speichern</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_dialog.py" line="92"/>
        <source>Saving the decision…</source>
        <translation>Die Entscheidung wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="125"/>
        <source>This is your one decision: Dropdesk does the Shopify part by itself as soon as the supplier has accepted, refunding to the original payment. Your choices are remembered for the next order with the same reason.</source>
        <translation>Das ist Ihre einzige Entscheidung: Dropdesk erledigt den Shopify-Teil selbst, sobald der Lieferant zugestimmt hat, und erstattet auf die ursprüngliche Zahlungsart. Ihre Auswahl wird für die nächste Bestellung mit demselben Grund gemerkt.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="70"/>
        <source>Start: check the order</source>
        <translation>Starten: Bestellung prüfen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="63"/>
        <source>This is your one decision. Your choices are remembered for the next order with the same reason.</source>
        <translation>Das ist Ihre einzige Entscheidung. Ihre Auswahl wird für die nächste Bestellung mit demselben Grund gemerkt.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="79"/>
        <source>This supplier order is not in the ledger any more.</source>
        <translation>Diese Lieferantenbestellung ist nicht mehr im Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="87"/>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="92"/>
        <source>Shopify order</source>
        <translation>Shopify-Bestellung</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="92"/>
        <source>none linked: only the supplier is cancelled</source>
        <translation>keine verknüpft: nur beim Lieferanten wird storniert</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="77"/>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="93"/>
        <location filename="../../gui/order_details_panel.py" line="128"/>
        <location filename="../../gui/supplier_order_dialog.py" line="215"/>
        <source>AliExpress order</source>
        <translation>AliExpress-Bestellung</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="95"/>
        <location filename="../../gui/needs_me_view.py" line="99"/>
        <location filename="../../gui/order_details_panel.py" line="127"/>
        <location filename="../../gui/review_view.py" line="306"/>
        <location filename="../../gui/review_view.py" line="353"/>
        <location filename="../../gui/supplier_order_dialog.py" line="216"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="98"/>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="104"/>
        <location filename="../../gui/cancel_wizard/timeline.py" line="38"/>
        <location filename="../../gui/order_details_panel.py" line="296"/>
        <source>tracking {0}</source>
        <translation>Sendungsnummer {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="105"/>
        <source>Status (last known)</source>
        <translation>Status (zuletzt bekannt)</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="107"/>
        <location filename="../../gui/order_details_panel.py" line="130"/>
        <source>Ship by</source>
        <translation>Versand bis</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="131"/>
        <source>This is your one decision. Shopify is not connected: once the supplier has accepted, you cancel the order in the Shopify admin, and Dropdesk reminds you in &quot;Needs me&quot; until you have. Your choices are remembered for the next order with the same reason.</source>
        <translation>Das ist Ihre einzige Entscheidung. Shopify ist nicht verbunden: Sobald der Lieferant zugestimmt hat, stornieren Sie die Bestellung im Shopify-Adminbereich, und Dropdesk erinnert Sie unter „Was ansteht“ daran, bis Sie es getan haben. Ihre Auswahl wird für die nächste Bestellung mit demselben Grund gemerkt.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/reason_page.py" line="144"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="40"/>
        <source>Refund the shipping too</source>
        <translation>Auch den Versand erstatten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="43"/>
        <source>Preview the refund</source>
        <translation>Erstattung ansehen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="50"/>
        <source>Refund preview</source>
        <translation>Vorschau der Erstattung</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="52"/>
        <location filename="../../gui/order_details_panel.py" line="140"/>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="52"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="52"/>
        <source>Restock</source>
        <translation>Lagerbestand</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="64"/>
        <source>optional; kept with the refund in Shopify</source>
        <translation>optional; wird mit der Erstattung in Shopify gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="65"/>
        <source>Send the customer Shopify&apos;s refund e-mail</source>
        <translation>Dem Kunden die Erstattungs-E-Mail von Shopify senden</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="66"/>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="86"/>
        <source>Refund on Shopify…</source>
        <translation>Auf Shopify erstatten…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="70"/>
        <source>Refund note</source>
        <translation>Notiz zur Erstattung</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="100"/>
        <source>Shipping</source>
        <translation>Versand</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="102"/>
        <source>Refund to the customer</source>
        <translation>Erstattung an den Kunden</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="105"/>
        <source>Most that can be refunded</source>
        <translation>Höchstens erstattbar</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="110"/>
        <source>Refunded before</source>
        <translation>Bereits erstattet</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refund_panel.py" line="134"/>
        <source>Refund {0} on Shopify…</source>
        <translation>{0} auf Shopify erstatten…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="53"/>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="144"/>
        <source>The supplier refused to cancel</source>
        <translation>Der Lieferant hat die Stornierung abgelehnt</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="55"/>
        <source>Message asking for the tracking number</source>
        <translation>Nachricht mit der Bitte um die Sendungsnummer</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="56"/>
        <source>I have asked for the tracking number</source>
        <translation>Ich habe nach der Sendungsnummer gefragt</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="63"/>
        <source>e.g. LP00123456789012</source>
        <translation>z. B. LP00123456789012</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="65"/>
        <source>optional, e.g. Cainiao</source>
        <translation>optional, z. B. Cainiao</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="66"/>
        <source>First scan on</source>
        <translation>Erster Scan am</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="82"/>
        <location filename="../../gui/supplier_order_dialog.py" line="226"/>
        <source>Tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="83"/>
        <location filename="../../gui/supplier_order_dialog.py" line="194"/>
        <source>Carrier</source>
        <translation>Paketdienst</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="78"/>
        <source>Record the tracking number</source>
        <translation>Sendungsnummer vermerken</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="60"/>
        <source>The supplier sent a tracking number</source>
        <translation>Der Lieferant hat eine Sendungsnummer geschickt</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="87"/>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="163"/>
        <source>Open a dispute on AliExpress</source>
        <translation>Streitfall auf AliExpress eröffnen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="88"/>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="44"/>
        <source>Open on AliExpress</source>
        <translation>Auf AliExpress öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="91"/>
        <source>&lt;b&gt;Attach&lt;/b&gt;</source>
        <translation>&lt;b&gt;Anhängen&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="94"/>
        <source>I have opened the dispute</source>
        <translation>Ich habe den Streitfall eröffnet</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="103"/>
        <source>The dispute</source>
        <translation>Der Streitfall</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="106"/>
        <source>I escalated it</source>
        <translation>Ich habe ihn eskaliert</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="108"/>
        <source>AliExpress&apos; case team took it over</source>
        <translation>Das Fallteam von AliExpress hat übernommen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="116"/>
        <source>Record the dispute&apos;s outcome</source>
        <translation>Ergebnis des Streitfalls vermerken</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="123"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="124"/>
        <source>Refunded to you</source>
        <translation>An Sie erstattet</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="142"/>
        <source>Dispute on AliExpress</source>
        <translation>Streitfall auf AliExpress</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="163"/>
        <source>The dispute on AliExpress</source>
        <translation>Der Streitfall auf AliExpress</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="182"/>
        <source>e.g. {0} {1}</source>
        <translation>z. B. {0} {1}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="194"/>
        <source>A refusal usually means the parcel has shipped. Ask the supplier for the tracking number: they get 5 working days.</source>
        <translation>Eine Ablehnung heißt meist, dass das Paket verschickt ist. Fragen Sie den Lieferanten nach der Sendungsnummer: Er hat dafür 5 Arbeitstage.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="202"/>
        <source>No tracking number by the deadline: the parcel was not shipped. Open a dispute on AliExpress for a full refund.</source>
        <translation>Keine Sendungsnummer bis zur Frist: Das Paket wurde nicht verschickt. Eröffnen Sie auf AliExpress einen Streitfall für eine volle Erstattung.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="209"/>
        <source>Tracking number asked for; due {0}.</source>
        <translation>Sendungsnummer angefragt; fällig {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="212"/>
        <source>Dispute open on AliExpress.</source>
        <translation>Streitfall auf AliExpress offen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="216"/>
        <source>Tracking number {0} received: the run goes the refund way.</source>
        <translation>Sendungsnummer {0} erhalten: Es geht weiter mit der Erstattung.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="228"/>
        <source>Opened {0}</source>
        <translation>Eröffnet {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="229"/>
        <source>Can be escalated from {0}</source>
        <translation>Eskalierbar ab {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="230"/>
        <source>Goes to AliExpress&apos; case team on {0}</source>
        <translation>Geht am {0} an das Fallteam von AliExpress</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="233"/>
        <source>First tracking scan {0}</source>
        <translation>Erster Sendungsscan {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="237"/>
        <source>It shipped only after the dispute was filed: the money is owed back.</source>
        <translation>Erst nach Eröffnung des Streitfalls verschickt: Das Geld steht Ihnen zu.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="247"/>
        <source>Recording the request…</source>
        <translation>Anfrage wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="261"/>
        <source>Recording the tracking number…</source>
        <translation>Sendungsnummer wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="266"/>
        <source>Recording the dispute…</source>
        <translation>Streitfall wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="273"/>
        <source>Recording the escalation…</source>
        <translation>Eskalation wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/refused_page.py" line="287"/>
        <source>Recording the dispute&apos;s outcome…</source>
        <translation>Ergebnis des Streitfalls wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="58"/>
        <source>refund the customer</source>
        <translation>dem Kunden erstatten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="58"/>
        <source>cancel the order</source>
        <translation>die Bestellung stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="60"/>
        <source>The supplier has not agreed to cancel yet. If you {0} on Shopify now and the supplier ships anyway, you pay for goods your customer got back their money for: the refund comes out of your own pocket. The safe order is the supplier first.</source>
        <translation>Der Lieferant hat der Stornierung noch nicht zugestimmt. Wenn Sie jetzt auf Shopify {0} und der Lieferant trotzdem verschickt, bezahlen Sie Ware, für die Ihr Kunde sein Geld zurückbekommen hat: Die Erstattung zahlen Sie selbst. Sicher ist die Reihenfolge: zuerst der Lieferant.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="79"/>
        <source>Cancel through the Shopify API</source>
        <translation>Über die Shopify-API stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="80"/>
        <source>Refund the customer to the original payment method</source>
        <translation>Dem Kunden über die ursprüngliche Zahlungsart erstatten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_form.py" line="59"/>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="82"/>
        <source>Put the items back in stock</source>
        <translation>Artikel wieder einlagern</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="84"/>
        <source>Send the customer Shopify&apos;s cancellation e-mail</source>
        <translation>Dem Kunden die Stornierungs-E-Mail von Shopify senden</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="90"/>
        <source>Without a refund, cancel in the Shopify admin and record it below.</source>
        <translation>Ohne Erstattung: Stornieren Sie im Shopify-Adminbereich und vermerken Sie es unten.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="94"/>
        <source>Cancel on Shopify…</source>
        <translation>Auf Shopify stornieren…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="99"/>
        <source>Staff note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="108"/>
        <source>Refund through the Shopify API</source>
        <translation>Über die Shopify-API erstatten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="116"/>
        <source>Do it in the Shopify admin instead</source>
        <translation>Stattdessen im Shopify-Adminbereich erledigen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="122"/>
        <source>In the Shopify admin</source>
        <translation>Im Shopify-Adminbereich</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="155"/>
        <source>Refund the customer on Shopify</source>
        <translation>Dem Kunden auf Shopify erstatten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="155"/>
        <source>Cancel the order on Shopify</source>
        <translation>Bestellung auf Shopify stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="171"/>
        <source>Cancel {0} on Shopify…</source>
        <translation>{0} auf Shopify stornieren…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="196"/>
        <source>Dropdesk sent this to Shopify and has not heard the outcome yet. Check again asks Shopify first; nothing is sent twice.</source>
        <translation>Dropdesk hat dies an Shopify gesendet und kennt das Ergebnis noch nicht. „Erneut prüfen“ fragt zuerst bei Shopify nach; nichts wird doppelt gesendet.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="199"/>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="203"/>
        <source>No Shopify order is linked: nothing to do on Shopify.</source>
        <translation>Keine Shopify-Bestellung verknüpft: Auf Shopify ist nichts zu tun.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="216"/>
        <source>Done on Shopify: {0} refunded to the customer.</source>
        <translation>Auf Shopify erledigt: {0} an den Kunden erstattet.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="220"/>
        <source>Nothing left to do on Shopify.</source>
        <translation>Auf Shopify ist nichts mehr zu tun.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="259"/>
        <source>Shopify cannot undo a cancellation.</source>
        <translation>Shopify kann eine Stornierung nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="252"/>
        <source>Items go back in stock.</source>
        <translation>Die Artikel werden wieder eingelagert.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="209"/>
        <source>Shopify is not connected for this order: do this step in the Shopify admin, then record it here. Until then &quot;Needs me&quot; lists it as due.</source>
        <translation>Shopify ist für diese Bestellung nicht verbunden: Erledigen Sie diesen Schritt im Shopify-Adminbereich und tragen Sie ihn dann hier ein. Bis dahin steht er unter „Was ansteht“ als fällig.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="252"/>
        <source>Stock is left as it is.</source>
        <translation>Der Lagerbestand bleibt unverändert.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="253"/>
        <source>The customer gets Shopify&apos;s e-mail.</source>
        <translation>Der Kunde erhält die E-Mail von Shopify.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="255"/>
        <source>The customer is not e-mailed.</source>
        <translation>Der Kunde erhält keine E-Mail.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="256"/>
        <source>Reason sent to Shopify: {0}.</source>
        <translation>An Shopify gesendeter Grund: {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="263"/>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="269"/>
        <source>Cancel on Shopify</source>
        <translation>Auf Shopify stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="265"/>
        <source>Cancel {0} on Shopify and refund {1} to the customer&apos;s original payment method?</source>
        <translation>{0} auf Shopify stornieren und {1} über die ursprüngliche Zahlungsart des Kunden erstatten?</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="268"/>
        <source>Cancel {0} on Shopify and refund the customer?</source>
        <translation>{0} auf Shopify stornieren und dem Kunden erstatten?</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="269"/>
        <source>Cancel on Shopify anyway</source>
        <translation>Trotzdem auf Shopify stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="276"/>
        <source>Cancelling {0} on Shopify…</source>
        <translation>{0} wird auf Shopify storniert…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="286"/>
        <source>Asking Shopify what the refund would be…</source>
        <translation>Shopify wird nach der möglichen Erstattung gefragt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="294"/>
        <source>A refund cannot be undone.</source>
        <translation>Eine Erstattung lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="299"/>
        <source>Refund on Shopify</source>
        <translation>Auf Shopify erstatten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="300"/>
        <source>Refund {0} to the customer of {1} on Shopify?</source>
        <translation>{0} auf Shopify an den Kunden von {1} erstatten?</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="303"/>
        <source>Refund anyway</source>
        <translation>Trotzdem erstatten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="303"/>
        <source>Refund {0}</source>
        <translation>{0} erstatten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="315"/>
        <source>Refunding {0} on Shopify…</source>
        <translation>{0} wird auf Shopify erstattet…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="330"/>
        <source>Record the Shopify step</source>
        <translation>Shopify-Schritt vermerken</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="331"/>
        <source>Record that you did this in the Shopify admin before the supplier agreed?</source>
        <translation>Vermerken, dass Sie dies im Shopify-Adminbereich erledigt haben, bevor der Lieferant zugestimmt hat?</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="332"/>
        <source>Record it anyway</source>
        <translation>Trotzdem vermerken</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="343"/>
        <source>Recording what you did in the Shopify admin…</source>
        <translation>Ihr Schritt im Shopify-Adminbereich wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/shop_page.py" line="349"/>
        <source>Asking Shopify what became of it…</source>
        <translation>Shopify wird nach dem Ergebnis gefragt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/step.py" line="143"/>
        <location filename="../../gui/cancellations_view.py" line="67"/>
        <location filename="../../gui/chargebacks_view.py" line="85"/>
        <source>in {0}</source>
        <extracomment>The actions each page offers; a later page with one of them may be visited early. The states the refused page shows, as the timeline&apos;s events name them. How a dispute ended: the refused page&apos;s choices, and how the timeline says them.
----------
Sends the confirmed texts: (chargeback id, texts, submit) -&gt; what Shopify did.</extracomment>
        <translation>in {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="41"/>
        <source>Cancel at the supplier on AliExpress</source>
        <translation>Beim Lieferanten auf AliExpress stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="54"/>
        <source>&lt;b&gt;On the order page&lt;/b&gt;</source>
        <translation>&lt;b&gt;Auf der Bestellseite&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="56"/>
        <source>Message to the supplier</source>
        <translation>Nachricht an den Lieferanten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="98"/>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="59"/>
        <source>I have requested the cancellation</source>
        <translation>Ich habe die Stornierung beantragt</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="62"/>
        <source>&lt;b&gt;What did the supplier answer?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Was hat der Lieferant geantwortet?&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="63"/>
        <source>Accepted: cancelled</source>
        <translation>Angenommen: storniert</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="66"/>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="69"/>
        <source>Ask AliExpress now</source>
        <translation>Jetzt bei AliExpress nachfragen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="115"/>
        <source>The supplier has {0} hours to answer. Without an answer the request resolves by itself.</source>
        <translation>Der Lieferant hat {0} Stunden Zeit für eine Antwort. Ohne Antwort erledigt sich die Anfrage von selbst.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="138"/>
        <source>Cancellation requested. Waiting for the supplier&apos;s answer.</source>
        <translation>Stornierung beantragt. Warten auf die Antwort des Lieferanten.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="140"/>
        <source>The request resolves by itself on {0}.</source>
        <translation>Die Anfrage erledigt sich am {0} von selbst.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="148"/>
        <source>Not needed: the parcel already left the supplier.</source>
        <translation>Nicht nötig: Das Paket hat den Lieferanten bereits verlassen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="136"/>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="166"/>
        <source>Recording the cancel request…</source>
        <translation>Stornierungsanfrage wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="175"/>
        <source>Recording the supplier&apos;s answer…</source>
        <translation>Antwort des Lieferanten wird vermerkt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/supplier_page.py" line="180"/>
        <source>Asking AliExpress about the order…</source>
        <translation>AliExpress wird nach der Bestellung gefragt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/texts.py" line="50"/>
        <source>Language of this message</source>
        <translation>Sprache dieser Nachricht</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/texts.py" line="51"/>
        <source>The recipient&apos;s language, whatever the window speaks</source>
        <translation>Die Sprache des Empfängers, gleich welche Sprache das Fenster spricht</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/texts.py" line="53"/>
        <location filename="../../gui/cancel_wizard/texts.py" line="73"/>
        <location filename="../../gui/notice_dialog.py" line="143"/>
        <location filename="../../gui/policy_dialog.py" line="150"/>
        <location filename="../../gui/withdrawal_dialog.py" line="126"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/texts.py" line="54"/>
        <source>Copy {0}</source>
        <translation>{0} kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/texts.py" line="100"/>
        <source>Copied ✓</source>
        <translation>Kopiert ✓</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/timeline.py" line="32"/>
        <source>{0} refunded</source>
        <extracomment>How a cancel on Shopify was seen through (core writes these English phrases).</extracomment>
        <translation>{0} erstattet</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/timeline.py" line="36"/>
        <source>{0} received</source>
        <translation>{0} erhalten</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/timeline.py" line="40"/>
        <source>by hand in the Shopify admin</source>
        <translation>manuell im Shopify-Adminbereich</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/timeline.py" line="63"/>
        <location filename="../../gui/cancel_wizard/wizard.py" line="228"/>
        <source>What was done</source>
        <translation>Was getan wurde</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="123"/>
        <location filename="../../gui/cancel_wizard/wizard.py" line="578"/>
        <source>Cancel everywhere</source>
        <translation>Überall stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="184"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="257"/>
        <source>Abandon…</source>
        <translation>Aufgeben…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="260"/>
        <source>Do this later</source>
        <translation>Später erledigen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="263"/>
        <source>Close; the cancellation stays open in Order &gt; Cancellations with its deadline.</source>
        <translation>Schließen; die Stornierung bleibt mit ihrer Frist unter Bestellung &gt; Stornierungen offen.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="266"/>
        <location filename="../../gui/cancellations_view.py" line="241"/>
        <source>Change decision…</source>
        <translation>Entscheidung ändern…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="269"/>
        <source>Change what Dropdesk does by itself, as far as it has not happened yet</source>
        <translation>Ändern, was Dropdesk von selbst erledigt, soweit es noch nicht geschehen ist</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="272"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="275"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="52"/>
        <source>Holiday (day off)</source>
        <translation>Feiertag (frei)</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="52"/>
        <source>Working day (make-up day)</source>
        <translation>Arbeitstag (Nacharbeitstag)</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="127"/>
        <source>Holidays and working days</source>
        <translation>Feiertage und Arbeitstage</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="136"/>
        <location filename="../../gui/calendar_dialog.py" line="181"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="142"/>
        <location filename="../../gui/calendar_dialog.py" line="182"/>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="102"/>
        <location filename="../../gui/calendar_dialog.py" line="159"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="59"/>
        <source>China</source>
        <translation>China</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="60"/>
        <source>Hong Kong</source>
        <translation>Hongkong</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="61"/>
        <source>Taiwan</source>
        <translation>Taiwan</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="62"/>
        <source>Vietnam</source>
        <translation>Vietnam</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="63"/>
        <source>India</source>
        <translation>Indien</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="64"/>
        <source>Turkey</source>
        <translation>Türkei</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="65"/>
        <source>Thailand</source>
        <translation>Thailand</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="66"/>
        <source>Indonesia</source>
        <translation>Indonesien</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="67"/>
        <source>Malaysia</source>
        <translation>Malaysia</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="68"/>
        <source>Japan</source>
        <translation>Japan</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="69"/>
        <source>South Korea</source>
        <translation>Südkorea</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="70"/>
        <source>United States</source>
        <translation>Vereinigte Staaten</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="71"/>
        <source>United Kingdom</source>
        <translation>Vereinigtes Königreich</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="72"/>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="73"/>
        <source>Austria</source>
        <translation>Österreich</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="74"/>
        <source>Switzerland</source>
        <translation>Schweiz</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="75"/>
        <source>Poland</source>
        <translation>Polen</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="76"/>
        <source>Czechia</source>
        <translation>Tschechien</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="77"/>
        <source>Netherlands</source>
        <translation>Niederlande</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="78"/>
        <source>France</source>
        <translation>Frankreich</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="79"/>
        <source>Italy</source>
        <translation>Italien</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="80"/>
        <source>Spain</source>
        <translation>Spanien</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="102"/>
        <location filename="../../gui/calendar_dialog.py" line="163"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="102"/>
        <location filename="../../gui/calendar_dialog.py" line="166"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="165"/>
        <source>Name, e.g. Spring Festival</source>
        <translation>Name, z. B. Frühlingsfest</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="167"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="168"/>
        <source>&amp;Remove selected</source>
        <translation>Ausgewählte &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="169"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="170"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="171"/>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="172"/>
        <location filename="../../gui/calendar_dialog.py" line="342"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="174"/>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="102"/>
        <location filename="../../gui/cancel_wizard/wizard.py" line="278"/>
        <location filename="../../gui/import_csv.py" line="361"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="200"/>
        <source>Dates here override the public holidays Dropdesk knows for this country: a holiday is a day off, a working day counts even on a weekend. Ship-by deadlines of open orders are recomputed after saving.</source>
        <translation>Diese Daten haben für dieses Land Vorrang vor den Feiertagen, die Dropdesk kennt: ein Feiertag ist frei, ein Arbeitstag zählt auch am Wochenende. Die Versandfristen offener Bestellungen werden nach dem Speichern neu berechnet.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="290"/>
        <source>From the holidays package, version {0}.</source>
        <translation>Aus dem Paket holidays, Version {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="292"/>
        <source>Public holidays Dropdesk knows (updated with the app): already counted</source>
        <translation>Feiertage, die Dropdesk kennt (mit der App aktualisiert): schon mitgezählt</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="303"/>
        <source>{0} {1}: the public holidays Dropdesk knows follow the country&apos;s fixed rules; add a date only to correct them.</source>
        <translation>{0} {1}: Die Feiertage, die Dropdesk kennt, folgen den festen Regeln des Landes; tragen Sie ein Datum nur ein, um sie zu korrigieren.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="307"/>
        <source>{0} {1}: official arrangement, known to Dropdesk.</source>
        <translation>{0} {1}: amtliche Regelung, Dropdesk bekannt.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="310"/>
        <source>{0} {1}: set by you. Dropdesk knows the official arrangement only up to {2}.</source>
        <translation>{0} {1}: von Ihnen festgelegt. Dropdesk kennt die amtliche Regelung nur bis {2}.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="314"/>
        <source>{0} {1}: estimated. Dropdesk knows the official arrangement only up to {2}; deadlines in {1} are counted without make-up working days. The arrangement is published in November or December of the year before: enter its holidays and make-up working days here.</source>
        <translation>{0} {1}: geschätzt. Dropdesk kennt die amtliche Regelung nur bis {2}; Fristen in {1} werden ohne Nacharbeitstage gezählt. Die Regelung erscheint im November oder Dezember des Vorjahres: Tragen Sie ihre Feiertage und Nacharbeitstage hier ein.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="331"/>
        <source>Dropdesk has no German names for the holidays of {0}: shown in English.</source>
        <translation>Für die Feiertage von {0} kennt Dropdesk keine deutschen Namen: Sie stehen auf Englisch da.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="206"/>
        <source>Your dates</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="282"/>
        <source>{0} is not a country calendar Dropdesk knows (like CN or DE-BY).</source>
        <translation>{0} ist kein Länderkalender, den Dropdesk kennt (etwa CN oder DE-BY).</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="342"/>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="371"/>
        <source>Your date for this day replaces the package&apos;s.</source>
        <translation>Ihr Datum für diesen Tag ersetzt das des Pakets.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="381"/>
        <source>{0} is not in {1}: choose the year first.</source>
        <translation>{0} liegt nicht in {1}: Wählen Sie zuerst das Jahr.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="432"/>
        <source>Import holidays and working days</source>
        <translation>Feiertage und Arbeitstage importieren</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="432"/>
        <location filename="../../gui/calendar_dialog.py" line="460"/>
        <source>Calendar files (*.csv)</source>
        <translation>Kalenderdateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="444"/>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} kann nicht gelesen werden: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="451"/>
        <source>Imported {0} dates.</source>
        <translation>{0} Daten importiert.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="458"/>
        <source>Export holidays and working days</source>
        <translation>Feiertage und Arbeitstage exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="471"/>
        <source>{0} cannot be written: {1}</source>
        <translation>{0} kann nicht geschrieben werden: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_dialog.py" line="474"/>
        <source>Exported to {0}.</source>
        <translation>Exportiert nach {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="326"/>
        <source>Connecting to Shopify and AliExpress…</source>
        <translation>Verbindung zu Shopify und AliExpress wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="342"/>
        <source>Continuing where Dropdesk stopped…</source>
        <translation>Dropdesk macht dort weiter, wo es aufgehört hat…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="405"/>
        <source>Working…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="413"/>
        <source>Abandon the cancellation</source>
        <translation>Stornierung aufgeben</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="414"/>
        <source>Why? (for example: the customer wants the order after all)</source>
        <translation>Warum? (zum Beispiel: Der Kunde möchte die Bestellung doch)</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="417"/>
        <source>Abandoning…</source>
        <translation>Wird aufgegeben…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="451"/>
        <source>Moving on by itself…</source>
        <translation>Geht von selbst weiter…</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="578"/>
        <source>Cancel {0} everywhere</source>
        <translation>{0} überall stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="588"/>
        <location filename="../../gui/needs_me_view.py" line="156"/>
        <location filename="../../gui/order_details_panel.py" line="300"/>
        <source>AliExpress order {0}</source>
        <translation>AliExpress-Bestellung {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="590"/>
        <source>Reason: {0}</source>
        <translation>Grund: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="591"/>
        <source>Fault: {0}</source>
        <translation>Verschulden: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="149"/>
        <location filename="../../gui/cancel_wizard/wizard.py" line="594"/>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="598"/>
        <source>Now: {0}</source>
        <translation>Jetzt: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="610"/>
        <source>AliExpress: connected</source>
        <translation>AliExpress: verbunden</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="612"/>
        <source>AliExpress: by hand</source>
        <translation>AliExpress: manuell</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="613"/>
        <source>Shopify: connected</source>
        <translation>Shopify: verbunden</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="613"/>
        <source>Shopify: by hand</source>
        <translation>Shopify: manuell</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="682"/>
        <source>Skipped: the parcel had already left the supplier</source>
        <translation>Übersprungen: Das Paket hatte den Lieferanten bereits verlassen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/wizard.py" line="684"/>
        <source>Where the cancellation stands</source>
        <translation>Stand der Stornierung</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="94"/>
        <location filename="../../gui/review_report.py" line="185"/>
        <source>Cancellations</source>
        <translation>Stornierungen</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="98"/>
        <source>Cancellations that are not finished yet. Each waits on something: you, the supplier, or the money. Resume one to continue where it stands.</source>
        <translation>Stornierungen, die noch nicht abgeschlossen sind. Jede wartet auf etwas: auf Sie, den Lieferanten oder das Geld. Setzen Sie eine fort, um dort weiterzumachen, wo sie steht.</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="105"/>
        <source>Open cancellations</source>
        <translation>Offene Stornierungen</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="123"/>
        <source>No open cancellations. Start one from an order: Order &gt; Cancel everywhere… (Ctrl+Shift+C).</source>
        <translation>Keine offenen Stornierungen. Starten Sie eine bei einer Bestellung: Bestellung &gt; Überall stornieren… (Strg+Umschalt+C).</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="132"/>
        <location filename="../../gui/cancellations_view.py" line="240"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="136"/>
        <location filename="../../gui/chargebacks_view.py" line="187"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="162"/>
        <source>Reading the open cancellations…</source>
        <translation>Offene Stornierungen werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="170"/>
        <source>The cancellations could not be read: {0}</source>
        <translation>Die Stornierungen konnten nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="186"/>
        <source>Waiting on you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="195"/>
        <source>The deadline has passed: open it to see what to do.</source>
        <translation>Die Frist ist abgelaufen: Öffnen Sie die Stornierung, um zu sehen, was zu tun ist.</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="206"/>
        <source>1 open cancellation</source>
        <translation>1 offene Stornierung</translation>
    </message>
    <message>
        <location filename="../../gui/cancellations_view.py" line="208"/>
        <source>{0} open cancellations</source>
        <translation>{0} offene Stornierungen</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="58"/>
        <source>AliExpress</source>
        <translation>AliExpress</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="68"/>
        <source>&lt;b&gt;Optional.&lt;/b&gt; Without it, DSers writes the AliExpress order numbers into your Shopify order notes, the import links them, and you set statuses by hand. Connecting needs an AliExpress developer account and an approved app.</source>
        <translation>&lt;b&gt;Optional.&lt;/b&gt; Ohne Verbindung schreibt DSers die AliExpress-Bestellnummern in die Notizen Ihrer Shopify-Bestellungen, der Import verknüpft sie, und Sie setzen den Status selbst. Zum Verbinden brauchen Sie ein AliExpress-Entwicklerkonto und eine freigegebene App.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="76"/>
        <location filename="../../gui/connections/shop_panel.py" line="84"/>
        <source>How do I get this?</source>
        <translation>Wie bekomme ich das?</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="79"/>
        <source>What working without it looks like, and what a developer account takes.</source>
        <translation>Wie es ohne Verbindung geht, und was ein Entwicklerkonto verlangt.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="83"/>
        <source>App key</source>
        <translation>App-Key</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="84"/>
        <source>digits, from the Open Platform console</source>
        <translation>Ziffern, aus der Open-Platform-Konsole</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="85"/>
        <source>App secret</source>
        <translation>App-Secret</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="87"/>
        <source>AliExpress Open Platform console &gt; App management: App Key and App Secret.</source>
        <translation>AliExpress-Open-Platform-Konsole &gt; App Management: App Key und App Secret.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="91"/>
        <source>Callback URL</source>
        <translation>Callback-URL</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="93"/>
        <source>The callback URL registered for the app, exactly.</source>
        <translation>Die für die App hinterlegte Callback-URL, genau so.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="94"/>
        <source>Open authorization page</source>
        <translation>Autorisierungsseite öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="96"/>
        <source>Authorization code</source>
        <translation>Autorisierungscode</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="97"/>
        <source>paste the code, or the whole address</source>
        <translation>Code einfügen oder die ganze Adresse</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="98"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="104"/>
        <location filename="../../gui/connections/shop_panel.py" line="111"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="105"/>
        <location filename="../../gui/connections/shop_panel.py" line="113"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="111"/>
        <source>App key:</source>
        <translation>App-Key:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="112"/>
        <source>App secret:</source>
        <translation>App-Secret:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="113"/>
        <source>Callback URL:</source>
        <translation>Callback-URL:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="115"/>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="116"/>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="117"/>
        <source>Access token expires:</source>
        <translation>Zugriffstoken läuft ab:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="118"/>
        <source>Connection expires:</source>
        <translation>Verbindung läuft ab:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="152"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="158"/>
        <source>Enter your app&apos;s key and secret, open the authorization page, sign in and allow Dropdesk, then paste the code you get and press Connect.</source>
        <translation>Geben Sie Key und Secret Ihrer App ein, öffnen Sie die Autorisierungsseite, melden Sie sich an und erlauben Sie Dropdesk den Zugriff. Fügen Sie dann den erhaltenen Code ein und klicken Sie auf „Verbinden“.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="176"/>
        <source>{0} — expired: connect AliExpress again.</source>
        <translation>{0} – abgelaufen: Verbinden Sie AliExpress erneut.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="179"/>
        <source>{0} — reconnect before then (authorize and paste a new code).</source>
        <translation>{0} – verbinden Sie vorher neu (autorisieren und einen neuen Code einfügen).</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="197"/>
        <location filename="../../gui/connections/shop_panel.py" line="254"/>
        <source>cannot be stored: no keyring</source>
        <translation>kann nicht gespeichert werden: kein Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="199"/>
        <location filename="../../gui/connections/shop_panel.py" line="256"/>
        <location filename="../../gui/connections/shop_panel.py" line="257"/>
        <source>stored in keyring</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="199"/>
        <source>from the Open Platform console</source>
        <translation>aus der Open-Platform-Konsole</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="231"/>
        <source>No browser opened. Open this address yourself: {0}</source>
        <translation>Es hat sich kein Browser geöffnet. Öffnen Sie diese Adresse selbst: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="236"/>
        <source>Sign in on the page that opened and allow Dropdesk. Then paste the code (valid for 3 minutes) and press Connect.</source>
        <translation>Melden Sie sich auf der geöffneten Seite an und erlauben Sie Dropdesk den Zugriff. Fügen Sie dann den Code ein (3 Minuten gültig) und klicken Sie auf „Verbinden“.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="245"/>
        <source>Paste the authorization code first.</source>
        <translation>Fügen Sie zuerst den Autorisierungscode ein.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="247"/>
        <source>Connecting…</source>
        <translation>Wird verbunden…</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="267"/>
        <source>Connected as {0}. The app secret and tokens are in the system keyring.</source>
        <translation>Verbunden als {0}. App-Secret und Tokens liegen im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="275"/>
        <source>Asking AliExpress…</source>
        <translation>AliExpress wird gefragt…</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="285"/>
        <source>Connected as {0}.</source>
        <translation>Verbunden als {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="290"/>
        <source>Remove the AliExpress connection?</source>
        <translation>AliExpress-Verbindung entfernen?</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="292"/>
        <source>Dropdesk deletes the app secret and the tokens from the system keyring. Supplier orders stay in the ledger; to refresh them again you will need to connect AliExpress again.</source>
        <translation>Dropdesk löscht App-Secret und Tokens aus dem Schlüsselbund des Systems. Die Lieferantenbestellungen bleiben im Auftragsbuch; um sie wieder zu aktualisieren, müssen Sie AliExpress erneut verbinden.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="301"/>
        <location filename="../../gui/connections/shop_panel.py" line="355"/>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="315"/>
        <source>Removed: the app secret and tokens were deleted from the keyring.</source>
        <translation>Entfernt: App-Secret und Tokens wurden aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="331"/>
        <source>{0} (today)</source>
        <translation>{0} (heute)</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="332"/>
        <source>in 1 day</source>
        <translation>in 1 Tag</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="332"/>
        <source>in {0} days</source>
        <translation>in {0} Tagen</translation>
    </message>
    <message>
        <location filename="../../gui/connections/aliexpress_panel.py" line="296"/>
        <location filename="../../gui/connections/shop_panel.py" line="350"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../gui/connections/dialog.py" line="42"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../../gui/connections/dialog.py" line="49"/>
        <source>Checking the system keyring…</source>
        <translation>Schlüsselbund des Systems wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../gui/connections/dialog.py" line="83"/>
        <source>Tokens and secrets are kept in the system keyring ({0}), never in the ledger or a log.</source>
        <translation>Tokens und Secrets liegen im Schlüsselbund des Systems ({0}), nie im Auftragsbuch oder in einem Protokoll.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/dialog.py" line="93"/>
        <source>The system keyring cannot be used, so connections cannot be saved.</source>
        <translation>Der Schlüsselbund des Systems ist nicht nutzbar, daher lassen sich keine Verbindungen speichern.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/dialog.py" line="98"/>
        <source>Everything that needs no connection (the ledger, imports, the review) works as usual.</source>
        <translation>Alles, was ohne Verbindung auskommt (Auftragsbuch, Importe, Auswertung), funktioniert wie gewohnt.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="63"/>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="73"/>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="75"/>
        <source>your-shop.myshopify.com</source>
        <translation>ihr-shop.myshopify.com</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="76"/>
        <source>Shop address</source>
        <translation>Shop-Adresse</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="78"/>
        <source>Client ID and secret (Dev Dashboard app)</source>
        <translation>Client-ID und Secret (App im Dev Dashboard)</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="79"/>
        <source>Admin API access token (app made before 2026)</source>
        <translation>Admin-API-Zugriffstoken (App von vor 2026)</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="87"/>
        <source>The steps in Shopify: the Dev Dashboard app, its scopes, or an older token.</source>
        <translation>Die Schritte in Shopify: die App im Dev Dashboard, ihre Berechtigungen oder ein älteres Token.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="90"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="93"/>
        <source>Shopify admin &gt; Settings &gt; Apps &gt; Develop apps &gt; your app &gt; API credentials: the Admin API access token (starts with shpat_). The app needs read_orders and write_orders, and read_all_orders for orders older than 60 days.</source>
        <translation>Shopify-Adminbereich &gt; Einstellungen &gt; Apps &gt; Apps entwickeln &gt; Ihre App &gt; API-Zugangsdaten: das Admin-API-Zugriffstoken (beginnt mit shpat_). Die App braucht read_orders und write_orders sowie read_all_orders für Bestellungen, die älter als 60 Tage sind.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="99"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="100"/>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="101"/>
        <source>Dev Dashboard &gt; your app &gt; Settings: Client ID and secret.</source>
        <translation>Dev Dashboard &gt; Ihre App &gt; Einstellungen: Client-ID und Secret.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="106"/>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="112"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="120"/>
        <source>Shop:</source>
        <translation>Shop:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="121"/>
        <source>Shop address:</source>
        <translation>Shop-Adresse:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="122"/>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="123"/>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="124"/>
        <source>Client ID:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="125"/>
        <source>Client secret:</source>
        <translation>Client-Secret:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="126"/>
        <source>API version:</source>
        <translation>API-Version:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="127"/>
        <source>Shop name:</source>
        <translation>Shop-Name:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="128"/>
        <source>Last sync:</source>
        <translation>Letzter Abgleich:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="172"/>
        <source>{0} (disconnected)</source>
        <translation>{0} (getrennt)</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="174"/>
        <source>Add a shop…</source>
        <translation>Shop hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="209"/>
        <location filename="../../gui/connections/shop_panel.py" line="298"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="214"/>
        <source>Paste the shop&apos;s address and the client ID and secret of your Dev Dashboard app (or an older app&apos;s access token), then test the connection.</source>
        <translation>Fügen Sie die Adresse des Shops und Client-ID und Secret Ihrer App im Dev Dashboard ein (oder das Zugriffstoken einer älteren App) und testen Sie dann die Verbindung.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="219"/>
        <location filename="../../gui/suppliers_view.py" line="330"/>
        <location filename="../../gui/suppliers_view.py" line="408"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="225"/>
        <source>Disconnected: its orders stay in the ledger. Paste a token and save to connect it again.</source>
        <translation>Getrennt: Seine Bestellungen bleiben im Auftragsbuch. Fügen Sie ein Token ein und speichern Sie, um ihn wieder zu verbinden.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="257"/>
        <source>paste the secret</source>
        <translation>Secret einfügen</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="286"/>
        <source>Asking Shopify…</source>
        <translation>Shopify wird gefragt…</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="300"/>
        <source>Connected to {0} ({1}, {2}).</source>
        <translation>Verbunden mit {0} ({1}, {2}).</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="311"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="334"/>
        <source>Saved {0}. The secret is in the system keyring.</source>
        <translation>{0} gespeichert. Das Secret liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="344"/>
        <source>Remove {0}?</source>
        <translation>{0} entfernen?</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="346"/>
        <source>Dropdesk forgets the shop&apos;s credentials and deletes them from the system keyring. Its orders stay in the ledger; to sync again you will need to paste the token again.</source>
        <translation>Dropdesk vergisst die Zugangsdaten des Shops und löscht sie aus dem Schlüsselbund des Systems. Seine Bestellungen bleiben im Auftragsbuch; für einen neuen Abgleich müssen Sie das Token erneut einfügen.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/shop_panel.py" line="377"/>
        <source>Removed the credentials of {0} from the keyring. Its orders stay.</source>
        <translation>Die Zugangsdaten von {0} wurden aus dem Schlüsselbund entfernt. Seine Bestellungen bleiben.</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="84"/>
        <source>Needs me…</source>
        <translation>Was ansteht…</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="96"/>
        <source>No system tray on this desktop: deadline alerts appear in this status bar, and View › Needs me lists every deadline.</source>
        <translation>Dieser Desktop hat keinen Infobereich: Fristwarnungen erscheinen in dieser Statusleiste, und Ansicht › Was ansteht listet alle Fristen.</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="167"/>
        <source>Dropdesk: {0} deadlines close within {1} h</source>
        <translation>Dropdesk: {0} Fristen enden innerhalb von {1} h</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="171"/>
        <source>{0} overdue</source>
        <translation>{0} überfällig</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="179"/>
        <source>an order</source>
        <translation>eine Bestellung</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="182"/>
        <source>Your step is due</source>
        <translation>Ihr Schritt ist fällig</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="183"/>
        <source>{0}: {1}.</source>
        <translation>{0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="186"/>
        <source>{0}: {1}, in less than {2} h.</source>
        <translation>{0}: {1}, in weniger als {2} h.</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="193"/>
        <source>Click to answer.</source>
        <translation>Zum Antworten klicken.</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="195"/>
        <source>Click to open it in Needs me.</source>
        <translation>Zum Öffnen unter „Was ansteht“ klicken.</translation>
    </message>
    <message>
        <location filename="../../gui/deadline_tray.py" line="185"/>
        <source>Deadline closing</source>
        <translation>Frist endet bald</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostics.py" line="73"/>
        <source>Save diagnostics</source>
        <translation>Diagnosedaten speichern</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostics.py" line="75"/>
        <source>Zip archive (*.zip)</source>
        <translation>ZIP-Archiv (*.zip)</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostics.py" line="97"/>
        <source>The diagnostics could not be saved: {0}</source>
        <translation>Die Diagnosedaten konnten nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostics.py" line="124"/>
        <source>Diagnostics saved</source>
        <translation>Diagnosedaten gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostics.py" line="126"/>
        <source>Saved to {0}.

It holds versions, settings, the ledger&apos;s size and the end of the log, without secrets or customer details. Attach it to your message to support.</source>
        <translation>Gespeichert unter {0}.

Die Datei enthält Versionen, Einstellungen, die Größe des Auftragsbuchs und das Ende des Protokolls, ohne Secrets oder Kundendaten. Hängen Sie sie an Ihre Nachricht an den Support an.</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostics.py" line="133"/>
        <source>Diagnostics not saved</source>
        <translation>Diagnosedaten nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="157"/>
        <source>&amp;Language</source>
        <extracomment>The languages Dropdesk speaks, each with its name in itself (how a picker lists it).</extracomment>
        <translation>Sp&amp;rache</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="161"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="115"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="122"/>
        <source>The file is empty</source>
        <translation>Die Datei ist leer</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="124"/>
        <source>The file cannot be read</source>
        <translation>Die Datei lässt sich nicht lesen</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="126"/>
        <source>Not a Shopify orders export</source>
        <translation>Kein Bestellexport von Shopify</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="128"/>
        <source>Check the AliExpress order number pattern</source>
        <translation>Prüfen Sie das Muster der AliExpress-Bestellnummer</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="129"/>
        <source>The file cannot be imported</source>
        <translation>Die Datei lässt sich nicht importieren</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="192"/>
        <source>(whole row)</source>
        <translation>(ganze Zeile)</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="240"/>
        <source>Import {0}</source>
        <translation>{0} importieren</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="254"/>
        <source>Every row of {0} can be read.</source>
        <translation>Alle Zeilen von {0} sind lesbar.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="257"/>
        <source>{0} of the rows in {1} cannot be read.</source>
        <translation>{0} der Zeilen in {1} sind nicht lesbar.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="259"/>
        <source>One row in {0} cannot be read.</source>
        <translation>Eine Zeile in {0} ist nicht lesbar.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="263"/>
        <source>None of the orders in {0} can be read ({1} rows refused).</source>
        <translation>Keine der Bestellungen in {0} ist lesbar ({1} Zeilen abgelehnt).</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="272"/>
        <source>New orders</source>
        <translation>Neue Bestellungen</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="273"/>
        <source>Orders that changed</source>
        <translation>Geänderte Bestellungen</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="274"/>
        <source>Orders already up to date</source>
        <translation>Bereits aktuelle Bestellungen</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="298"/>
        <source>An order with a row that cannot be read is left out as a whole, so no order is stored with lines or totals missing. Fix these rows in the file and import it again to bring those orders in too.</source>
        <translation>Eine Bestellung mit einer unlesbaren Zeile wird ganz ausgelassen, damit keine Bestellung ohne Positionen oder Summen gespeichert wird. Korrigieren Sie diese Zeilen in der Datei und importieren Sie sie erneut, um auch diese Bestellungen zu übernehmen.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="307"/>
        <source>Rows that cannot be read</source>
        <translation>Unlesbare Zeilen</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="322"/>
        <source>Copy list</source>
        <translation>Liste kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="323"/>
        <source>Copy the refused rows as text, to fix them in a spreadsheet</source>
        <translation>Die abgelehnten Zeilen als Text kopieren, um sie in einer Tabellenkalkulation zu korrigieren</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="341"/>
        <source>Import the rest</source>
        <translation>Den Rest importieren</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="341"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="348"/>
        <source>Import nothing</source>
        <translation>Nichts importieren</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="353"/>
        <source>Import the {0} orders that can be read, or nothing until the file is fixed?</source>
        <translation>Die {0} lesbaren Bestellungen importieren oder nichts, bis die Datei korrigiert ist?</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="357"/>
        <source>Nothing has been written to the ledger yet.</source>
        <translation>Ins Auftragsbuch wurde noch nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="359"/>
        <source>Nothing can be imported from this file.</source>
        <translation>Aus dieser Datei lässt sich nichts importieren.</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="118"/>
        <location filename="../../gui/chargebacks_view.py" line="128"/>
        <source>Chargebacks</source>
        <translation>Rückbuchungen</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="121"/>
        <source>Shopify Payments chargebacks of your shop. Send your evidence before the deadline: after it, the bank decides without you and the money is lost.</source>
        <translation>Rückbuchungen (Chargebacks) über Shopify Payments. Reichen Sie Ihre Nachweise vor der Frist ein: danach entscheidet die Bank ohne Sie, und das Geld ist verloren.</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="134"/>
        <source>Evidence due</source>
        <translation>Nachweise fällig</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="135"/>
        <source>Time left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="136"/>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="152"/>
        <source>No chargebacks in the ledger. Sync from Shopify to read them (a shop without Shopify Payments has none here).</source>
        <translation>Keine Rückbuchungen im Journal. Synchronisieren Sie mit Shopify, um sie zu lesen (ein Shop ohne Shopify Payments hat hier keine).</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="162"/>
        <source>Sync from Shopify</source>
        <translation>Mit Shopify synchronisieren</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="168"/>
        <source>Connect a Shopify shop to sync chargebacks and send evidence.</source>
        <translation>Verbinden Sie einen Shopify-Shop, um Rückbuchungen zu synchronisieren und Nachweise zu senden.</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="170"/>
        <location filename="../../gui/chargebacks_view.py" line="329"/>
        <source>Evidence pack (PDF)…</source>
        <translation>Nachweismappe (PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="180"/>
        <source>The language of the evidence pack: it goes to Shopify and the bank, so English unless you know the bank reads another.</source>
        <translation>Die Sprache der Nachweismappe: Sie geht an Shopify und die Bank, also Englisch, wenn Sie nicht wissen, dass die Bank eine andere liest.</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="184"/>
        <source>Send evidence…</source>
        <translation>Nachweise senden…</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="214"/>
        <source>Reading the chargebacks…</source>
        <translation>Rückbuchungen werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="222"/>
        <source>The chargebacks could not be read: {0}</source>
        <translation>Die Rückbuchungen konnten nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="249"/>
        <source>The deadline has passed: Shopify may still take evidence until the bank decides.</source>
        <translation>Die Frist ist abgelaufen: Shopify nimmt Nachweise eventuell noch an, bis die Bank entscheidet.</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="264"/>
        <source>{0} chargebacks, {1} waiting for your evidence</source>
        <translation>{0} Rückbuchungen, {1} warten auf Ihre Nachweise</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="319"/>
        <source>Evidence pack saved: {0}</source>
        <translation>Nachweismappe gespeichert: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="357"/>
        <source>Sending the evidence to Shopify…</source>
        <translation>Nachweise werden an Shopify gesendet…</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="366"/>
        <source>Reading the chargebacks from Shopify…</source>
        <translation>Rückbuchungen werden von Shopify gelesen…</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="383"/>
        <source>The evidence was submitted to the bank through Shopify.</source>
        <translation>Die Nachweise wurden über Shopify an die Bank übermittelt.</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="385"/>
        <source>The evidence text was saved at Shopify (not submitted yet).</source>
        <translation>Der Nachweistext wurde bei Shopify gespeichert (noch nicht übermittelt).</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="390"/>
        <source>Shopify: {0} chargebacks read, {1} new, {2} changed.</source>
        <translation>Shopify: {0} Rückbuchungen gelesen, {1} neu, {2} geändert.</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="417"/>
        <source>Send chargeback evidence</source>
        <translation>Nachweise zur Rückbuchung senden</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="421"/>
        <source>This is the text Dropdesk will send to Shopify for the bank. Read it and correct it if needed. Attach documents (photos, the PDF) in the Shopify admin.</source>
        <translation>Diesen Text sendet Dropdesk an Shopify für die Bank. Lesen Sie ihn und korrigieren Sie ihn bei Bedarf. Dokumente (Fotos, das PDF) hängen Sie im Shopify-Adminbereich an.</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="437"/>
        <source>Also submit to the bank now (final: no changes after this)</source>
        <translation>Jetzt auch an die Bank übermitteln (endgültig: danach keine Änderungen mehr)</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="443"/>
        <location filename="../../gui/chargebacks_view.py" line="452"/>
        <source>Save at Shopify</source>
        <translation>Bei Shopify speichern</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/decision_dialog.py" line="78"/>
        <location filename="../../gui/chargebacks_view.py" line="446"/>
        <location filename="../../gui/import_csv.py" line="361"/>
        <location filename="../../gui/progress_dialog.py" line="56"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="452"/>
        <source>Submit to the bank</source>
        <translation>An die Bank übermitteln</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="372"/>
        <source>Please check before importing</source>
        <translation>Bitte vor dem Import prüfen</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="395"/>
        <source>This is right</source>
        <translation>Das stimmt</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="501"/>
        <source>Import Shopify orders</source>
        <translation>Shopify-Bestellungen importieren</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="503"/>
        <source>Shopify orders export (*.csv);;All files (*)</source>
        <translation>Shopify-Bestellexport (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="523"/>
        <source>Reading {0}…</source>
        <translation>{0} wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="539"/>
        <source>Importing orders</source>
        <translation>Bestellungen werden importiert</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="539"/>
        <source>KB read</source>
        <translation>KB gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="565"/>
        <source>The import failed</source>
        <translation>Der Import ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="566"/>
        <source>Nothing was imported: {0}</source>
        <translation>Nichts wurde importiert: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="577"/>
        <source>Nothing new</source>
        <translation>Nichts Neues</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="578"/>
        <source>The {0} orders in {1} are already in the ledger as they are.</source>
        <translation>Die {0} Bestellungen in {1} sind bereits unverändert im Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="582"/>
        <source>{0} holds no orders.</source>
        <translation>{0} enthält keine Bestellungen.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="617"/>
        <source>Nothing imported</source>
        <translation>Nichts importiert</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="619"/>
        <source>Nothing from {0} was imported. Fix the {1} rows that cannot be read and import the file again.</source>
        <translation>Aus {0} wurde nichts importiert. Korrigieren Sie die {1} unlesbaren Zeilen und importieren Sie die Datei erneut.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="628"/>
        <source>Importing {0}…</source>
        <translation>{0} wird importiert…</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="635"/>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="679"/>
        <source>Day first (31/12/2023)</source>
        <translation>Tag zuerst (31/12/2023)</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="679"/>
        <source>Month first (12/31/2023)</source>
        <translation>Monat zuerst (12/31/2023)</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="685"/>
        <source>Imported {0}: {1} new orders, {2} changed, {3} already up to date.</source>
        <translation>{0} importiert: {1} neue Bestellungen, {2} geändert, {3} bereits aktuell.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="690"/>
        <source>{0} rows could not be read; their orders were left out.</source>
        <translation>{0} Zeilen waren nicht lesbar; ihre Bestellungen wurden ausgelassen.</translation>
    </message>
    <message>
        <location filename="../../gui/import_csv.py" line="694"/>
        <source>{0} AliExpress orders were linked to their customer orders.</source>
        <translation>{0} AliExpress-Bestellungen wurden mit ihren Kundenbestellungen verknüpft.</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_problem.py" line="39"/>
        <source>Dropdesk has not changed the file.</source>
        <translation>Dropdesk hat die Datei nicht verändert.</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_problem.py" line="40"/>
        <source>The latest backup is from {0}.</source>
        <translation>Die neueste Sicherung stammt vom {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_problem.py" line="42"/>
        <source>Open another ledger…</source>
        <translation>Anderes Auftragsbuch öffnen…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_problem.py" line="44"/>
        <source>Restore latest backup</source>
        <translation>Neueste Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_problem.py" line="48"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_problem.py" line="61"/>
        <source>Open ledger</source>
        <translation>Auftragsbuch öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_problem.py" line="63"/>
        <source>Dropdesk ledgers (*.sqlite *.db);;All files (*)</source>
        <translation>Dropdesk-Auftragsbücher (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="184"/>
        <source>Supplier orders</source>
        <translation>Lieferantenbestellungen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="223"/>
        <source>Search order, customer, AliExpress order or tracking number (Ctrl+F)</source>
        <translation>Bestellung, Kunde, AliExpress-Bestellung oder Sendungsnummer suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="225"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="228"/>
        <source>Which orders to show</source>
        <translation>Welche Bestellungen angezeigt werden</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="232"/>
        <source>Closing within hours</source>
        <translation>Frist endet innerhalb von Stunden</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="235"/>
        <source>within </source>
        <translation>innerhalb </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="236"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="242"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="376"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="378"/>
        <source>Open ledger on a &amp;server…</source>
        <translation>Auftragsbuch auf einem &amp;Server öffnen…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="393"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="399"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="401"/>
        <source>&amp;Order</source>
        <translation>&amp;Bestellung</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="403"/>
        <location filename="../../gui/order_details_panel.py" line="151"/>
        <location filename="../../gui/withdrawal_dialog.py" line="128"/>
        <source>Cancel everywhere…</source>
        <translation>Überall stornieren…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="405"/>
        <source>Cancel the selected order at the supplier and in the shop, step by step</source>
        <translation>Die ausgewählte Bestellung beim Lieferanten und im Shop stornieren, Schritt für Schritt</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="412"/>
        <location filename="../../gui/order_details_panel.py" line="161"/>
        <source>Record the customer&apos;s withdrawal, its refund deadline and the acknowledgement</source>
        <translation>Widerruf des Kunden erfassen, mit Erstattungsfrist und Eingangsbestätigung</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="416"/>
        <location filename="../../gui/order_details_panel.py" line="166"/>
        <source>Write to the customer in their language: mail program or copy</source>
        <translation>Dem Kunden in seiner Sprache schreiben: per Mailprogramm oder kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="436"/>
        <source>C&amp;hargebacks…</source>
        <translation>&amp;Rückbuchungen…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="442"/>
        <source>&amp;Review</source>
        <translation>A&amp;uswertung</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="446"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="482"/>
        <source>Save or discard your changes in Holidays and working days first, then choose the language again.</source>
        <translation>Speichern oder verwerfen Sie zuerst Ihre Änderungen unter Feiertage und Arbeitstage, und wählen Sie dann die Sprache erneut.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="487"/>
        <source>Save the supplier&apos;s policy first (Suppliers), then choose the language again.</source>
        <translation>Speichern Sie zuerst die Bedingungen des Lieferanten (Lieferanten), und wählen Sie dann die Sprache erneut.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="704"/>
        <source>Select at most {0} orders to cancel at once.</source>
        <translation>Wählen Sie höchstens {0} Bestellungen auf einmal zum Stornieren aus.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="718"/>
        <source>Select an order to cancel first.</source>
        <translation>Wählen Sie zuerst eine Bestellung zum Stornieren aus.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="729"/>
        <location filename="../../gui/main_window.py" line="744"/>
        <source>Select an order from the shop first.</source>
        <translation>Wählen Sie zuerst eine Bestellung aus dem Shop.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="758"/>
        <location filename="../../gui/main_window.py" line="815"/>
        <source>Dropdesk is still starting; try again.</source>
        <translation>Dropdesk startet noch; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="818"/>
        <source>Still recording the last answer; try again in a moment.</source>
        <translation>Die letzte Antwort wird noch gespeichert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="935"/>
        <source>{0} supplier orders</source>
        <translation>{0} Lieferantenbestellungen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="937"/>
        <source>{0} of {1} supplier orders</source>
        <translation>{0} von {1} Lieferantenbestellungen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="77"/>
        <location filename="../../gui/order_details_panel.py" line="125"/>
        <source>Customer</source>
        <extracomment>What an event kind Dropdesk has no title for reads as (the kind goes in a tooltip). The fields a change names, in the merchant&apos;s words; others read as &quot;other details&quot;. Shopify&apos;s cancel reasons (a cancelled order&apos;s `cancel_reason`).</extracomment>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="126"/>
        <source>Order total</source>
        <translation>Bestellsumme</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="129"/>
        <source>Supplier cost</source>
        <translation>Einkaufspreis</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="77"/>
        <location filename="../../gui/chargebacks_view.py" line="133"/>
        <location filename="../../gui/order_details_panel.py" line="131"/>
        <location filename="../../gui/supplier_order_dialog.py" line="225"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="132"/>
        <source>Tracking</source>
        <translation>Sendungsverfolgung</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="140"/>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="140"/>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="140"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="142"/>
        <source>Order lines</source>
        <translation>Bestellpositionen</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="145"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="145"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="147"/>
        <location filename="../../gui/order_details_panel.py" line="181"/>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="154"/>
        <source>Cancel this order at the supplier and in the shop, step by step</source>
        <translation>Diese Bestellung beim Lieferanten und im Shop stornieren, Schritt für Schritt</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="158"/>
        <source>Withdrawal received…</source>
        <translation>Widerruf erhalten…</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="163"/>
        <source>Notify the customer…</source>
        <translation>Kunden benachrichtigen…</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="180"/>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="197"/>
        <source>Select an order to see its lines and timeline.</source>
        <translation>Wählen Sie eine Bestellung, um ihre Positionen und ihren Verlauf zu sehen.</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="210"/>
        <source>{0} orders selected</source>
        <translation>{0} Bestellungen ausgewählt</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="218"/>
        <source>no shop orders</source>
        <translation>keine Shop-Bestellungen</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="230"/>
        <source>Unlinked supplier order</source>
        <translation>Nicht verknüpfte Lieferantenbestellung</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="236"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="240"/>
        <source>not paid yet</source>
        <translation>noch nicht bezahlt</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="242"/>
        <source>{0} (estimated)</source>
        <translation>{0} (geschätzt)</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="248"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="281"/>
        <source>by e-mail</source>
        <translation>per E-Mail</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="281"/>
        <source>copied</source>
        <translation>kopiert</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="285"/>
        <source>refund by {0}</source>
        <translation>Erstattung bis {0}</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="288"/>
        <source>protection ends {0}</source>
        <translation>Käuferschutz endet {0}</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="306"/>
        <source>changed: {0}</source>
        <translation>geändert: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/order_details_panel.py" line="332"/>
        <source>other details</source>
        <translation>weitere Angaben</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_columns.py" line="159"/>
        <source>Cancellation: {0}</source>
        <translation>Stornierung: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_columns.py" line="161"/>
        <source>Next deadline: {0}</source>
        <translation>Nächste Frist: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_columns.py" line="163"/>
        <source>AliExpress status: {0}</source>
        <translation>AliExpress-Status: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_columns.py" line="105"/>
        <source>shipped</source>
        <extracomment>What the time-dependent cells of a column are, for a row at a time (and its thresholds). Urgency colours: light backgrounds with dark text stay readable in light and dark palettes.</extracomment>
        <translation>versandt</translation>
    </message>
    <message>
        <location filename="../../gui/order_table_model.py" line="165"/>
        <source>Click to sort</source>
        <extracomment>The columns whose cells move with the clock (the tick looks at these only).</extracomment>
        <translation>Zum Sortieren klicken</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_columns.py" line="132"/>
        <source>Estimated from the Shopify payment time: enter the real one (Edit supplier order) to confirm it.</source>
        <extracomment>Before a time estimated from the Shopify payment (the tooltip says so): &quot;≈&quot; reads alike in English and German, and first, a narrow column&apos;s &quot;…&quot; never hides it.</extracomment>
        <translation>Geschätzt aus dem Zahlungszeitpunkt in Shopify: tragen Sie den echten ein (Lieferantenbestellung bearbeiten), um ihn zu bestätigen.</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="81"/>
        <source>Refund policy</source>
        <translation>Rückerstattungsrichtlinie</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="91"/>
        <source>Suppliers the policy relies on</source>
        <translation>Lieferanten, auf die sich die Richtlinie stützt</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="104"/>
        <source>optional, e.g. a PO box</source>
        <translation>optional, z. B. ein Postfach</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="112"/>
        <source>Shop name</source>
        <translation>Shop-Name</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="113"/>
        <source>E-mail for customers</source>
        <translation>E-Mail für Kunden</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="114"/>
        <source>Return address</source>
        <translation>Rücksendeadresse</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="116"/>
        <source>Suppliers the shop relies on</source>
        <translation>Lieferanten des Shops</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="118"/>
        <source>How customers reach you</source>
        <translation>So erreichen Kunden Sie</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="132"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="133"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="141"/>
        <source>Why it says this</source>
        <translation>Warum sie das sagt</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="151"/>
        <source>Save as HTML…</source>
        <translation>Als HTML speichern…</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="152"/>
        <source>Save as Markdown…</source>
        <translation>Als Markdown speichern…</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="153"/>
        <source>Publish to Shopify…</source>
        <translation>In Shopify veröffentlichen…</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="239"/>
        <source>Copied the policy.</source>
        <translation>Richtlinie kopiert.</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="248"/>
        <source>Saved the policy to {0}</source>
        <translation>Richtlinie gespeichert unter {0}</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="252"/>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="256"/>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="260"/>
        <source>Save the policy</source>
        <translation>Richtlinie speichern</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="260"/>
        <source>refund-policy</source>
        <translation>rueckerstattungsrichtlinie</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="266"/>
        <source>Could not save: {0}</source>
        <translation>Speichern nicht möglich: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="273"/>
        <source>Publish to Shopify</source>
        <translation>In Shopify veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="275"/>
        <source>Replace the refund policy of your shop with this draft? Customers see it at once.</source>
        <translation>Die Rückerstattungsrichtlinie Ihres Shops durch diesen Entwurf ersetzen? Kunden sehen sie sofort.</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="277"/>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="287"/>
        <source>Publishing…</source>
        <translation>Wird veröffentlicht…</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="300"/>
        <source>Published: {0}</source>
        <translation>Veröffentlicht: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="305"/>
        <source>Publishing failed: {0}</source>
        <translation>Veröffentlichen fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/progress_dialog.py" line="54"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../gui/progress_dialog.py" line="82"/>
        <source>Stopping after the current step…</source>
        <translation>Hält nach dem aktuellen Schritt an…</translation>
    </message>
    <message>
        <location filename="../../gui/progress_dialog.py" line="92"/>
        <source>{0} of {1} {2}</source>
        <translation>{0} von {1} {2}</translation>
    </message>
    <message>
        <location filename="../../gui/progress_dialog.py" line="98"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../gui/review_charts.py" line="103"/>
        <source>Net cost of refunds per month</source>
        <translation>Nettokosten der Erstattungen je Monat</translation>
    </message>
    <message>
        <location filename="../../gui/review_charts.py" line="108"/>
        <source>no cost</source>
        <translation>keine Kosten</translation>
    </message>
    <message>
        <location filename="../../gui/review_charts.py" line="134"/>
        <source>Refunded to customers by reason</source>
        <translation>An Kunden erstattet nach Grund</translation>
    </message>
    <message>
        <location filename="../../gui/review_charts.py" line="144"/>
        <source>no refunds</source>
        <translation>keine Erstattungen</translation>
    </message>
    <message>
        <location filename="../../gui/review_charts.py" line="159"/>
        <source>Amount refunded</source>
        <translation>Erstatteter Betrag</translation>
    </message>
    <message>
        <location filename="../../gui/review_charts.py" line="167"/>
        <source>Suppliers by refund rate</source>
        <translation>Lieferanten nach Erstattungsquote</translation>
    </message>
    <message>
        <location filename="../../gui/review_charts.py" line="170"/>
        <source>no orders</source>
        <translation>keine Bestellungen</translation>
    </message>
    <message>
        <location filename="../../gui/review_charts.py" line="173"/>
        <source>Orders refunded (%)</source>
        <translation>Erstattete Bestellungen (%)</translation>
    </message>
    <message>
        <location filename="../../gui/review_charts.py" line="186"/>
        <source>% of orders refunded</source>
        <translation>% der Bestellungen erstattet</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="95"/>
        <source>the beginning</source>
        <extracomment>Layout only: the inks and fills are the printed documents&apos; own (`PAPER_STYLE`). Line columns whose cells are labels from core (English), shown translated.</extracomment>
        <translation>Anfang</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="96"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="97"/>
        <source>Period: {0} to {1}</source>
        <translation>Zeitraum: {0} bis {1}</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="100"/>
        <source>Suppliers: {0}</source>
        <translation>Lieferanten: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="103"/>
        <source>Reasons: {0}</source>
        <translation>Gründe: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="107"/>
        <source>Refund states: {0}</source>
        <translation>Erstattungsstatus: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="117"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="122"/>
        <source>{0}: no exchange rate known, left out of the totals in {1}.</source>
        <translation>{0}: kein Wechselkurs bekannt, nicht in den Summen in {1} enthalten.</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="128"/>
        <source>All amounts are in {0}: nothing was converted.</source>
        <translation>Alle Beträge sind in {0}: nichts wurde umgerechnet.</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="136"/>
        <source>{0} (by hand)</source>
        <translation>{0} (von Hand)</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="164"/>
        <location filename="../../gui/review_report.py" line="395"/>
        <location filename="../../gui/review_view.py" line="332"/>
        <source>Per currency</source>
        <translation>Je Währung</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="183"/>
        <source>Refunds to customers</source>
        <translation>Erstattungen an Kunden</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="186"/>
        <source>Disputes</source>
        <translation>Streitfälle</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="193"/>
        <location filename="../../gui/review_view.py" line="594"/>
        <source>{0} of the refunds known only from Shopify (dated by the order)</source>
        <translation>{0} der Erstattungen nur aus Shopify bekannt (nach Bestelldatum)</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="364"/>
        <source>Made {0} by Dropdesk. Amounts in {1} at the rate of their day; months in UTC.</source>
        <translation>Erstellt {0} von Dropdesk. Beträge in {1} zum Kurs ihres Tages; Monate in UTC.</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="204"/>
        <source>{0} disputed orders shipped only after the dispute was filed: money is owed.</source>
        <translation>{0} strittige Bestellungen wurden erst nach Eröffnung des Streitfalls verschickt: Ihnen steht Geld zu.</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="220"/>
        <location filename="../../gui/review_view.py" line="398"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="222"/>
        <location filename="../../gui/review_view.py" line="374"/>
        <location filename="../../gui/review_view.py" line="398"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="223"/>
        <location filename="../../gui/review_report.py" line="366"/>
        <location filename="../../gui/review_view.py" line="398"/>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="226"/>
        <source>Refund rate</source>
        <translation>Erstattungsquote</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="303"/>
        <source>In {0}</source>
        <extracomment>Rows per table: Qt lays a long table out again for every page it spans (a single table of 2,000 rows took 27 s to print, tables of a page&apos;s rows take a fraction of that). Each table fills one page and starts on a new one, so its header is at the top of a page, never in the middle of one. The refund columns the PDF prints (the CSV has them all): what fits a landscape page.</extracomment>
        <translation>In {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="335"/>
        <source>The newest {0} of {1} lines; the CSV export has them all.</source>
        <translation>Die neuesten {0} von {1} Zeilen; der CSV-Export enthält alle.</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="164"/>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="382"/>
        <source>By reason</source>
        <translation>Nach Grund</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="386"/>
        <source>By fault</source>
        <translation>Nach Verschulden</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="392"/>
        <source>By supplier</source>
        <translation>Nach Lieferant</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="393"/>
        <source>By month</source>
        <translation>Nach Monat</translation>
    </message>
    <message>
        <location filename="../../gui/review_report.py" line="366"/>
        <location filename="../../gui/review_report.py" line="435"/>
        <location filename="../../gui/review_view.py" line="763"/>
        <source>Refund review</source>
        <translation>Erstattungsauswertung</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="292"/>
        <source>Refund review — {0}</source>
        <extracomment>Currencies the ECB publishes, offered as reporting currencies (any other can be typed).</extracomment>
        <translation>Erstattungsauswertung – {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="302"/>
        <location filename="../../gui/review_view.py" line="350"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="303"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="304"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="312"/>
        <source>All suppliers</source>
        <translation>Alle Lieferanten</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="317"/>
        <source>All reasons</source>
        <translation>Alle Gründe</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="321"/>
        <source>Refund state</source>
        <translation>Erstattungsstatus</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="322"/>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="326"/>
        <source>Reporting currency</source>
        <translation>Berichtswährung</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="327"/>
        <source>Every amount is converted into this currency</source>
        <translation>Jeder Betrag wird in diese Währung umgerechnet</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="334"/>
        <source>Show every amount in its own currency</source>
        <translation>Jeden Betrag in seiner eigenen Währung zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="335"/>
        <source>Rates…</source>
        <translation>Kurse…</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="336"/>
        <source>Set exchange rates by hand</source>
        <translation>Wechselkurse von Hand festlegen</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="343"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="344"/>
        <source>Export PDF…</source>
        <translation>PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="351"/>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="352"/>
        <location filename="../../gui/suppliers_view.py" line="175"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="394"/>
        <source>Breakdown</source>
        <translation>Aufschlüsselung</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="415"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="537"/>
        <location filename="../../gui/suppliers_view.py" line="413"/>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="566"/>
        <source>Wrote {0} refund lines to {1}</source>
        <translation>{0} Erstattungszeilen nach {1} geschrieben</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="570"/>
        <source>The review failed: {0}</source>
        <translation>Die Auswertung ist fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="584"/>
        <source>{0} refunds to customers · {1} refund lines · {2} cancellations · {3} disputes</source>
        <translation>{0} Erstattungen an Kunden · {1} Erstattungszeilen · {2} Stornierungen · {3} Streitfälle</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="610"/>
        <source>Updated {0}. Amounts in {1} at the rate of their day; months are UTC.</source>
        <translation>Aktualisiert {0}. Beträge in {1} zum Kurs ihres Tages; Monate in UTC.</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="682"/>
        <source>There are no exchange rates for {0}.</source>
        <translation>Für {0} gibt es keine Wechselkurse.</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="597"/>
        <source>{0} shipped only after the dispute was filed</source>
        <translation>{0} erst nach Eröffnung des Streitfalls verschickt</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="730"/>
        <source>Writing {0}…</source>
        <translation>{0} wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="746"/>
        <source>Could not write {0}: {1}</source>
        <translation>{0} konnte nicht geschrieben werden: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="751"/>
        <source>Wrote the report to {0}</source>
        <translation>Bericht gespeichert unter {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="756"/>
        <source>Export refunds as CSV</source>
        <translation>Erstattungen als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="756"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="756"/>
        <source>refunds.csv</source>
        <translation>erstattungen.csv</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="763"/>
        <source>The review is not ready yet.</source>
        <translation>Die Auswertung ist noch nicht fertig.</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="767"/>
        <source>Export the review as PDF</source>
        <translation>Auswertung als PDF exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="768"/>
        <source>refund-review.pdf</source>
        <translation>erstattungsauswertung.pdf</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="329"/>
        <location filename="../../gui/review_view.py" line="769"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="112"/>
        <source>Edit supplier order {0}</source>
        <extracomment>The status box&apos;s choices, &quot;order_status:end_reason&quot; (core.supplier_orders.STATUS_CHOICES).</extracomment>
        <translation>Lieferantenbestellung {0} bearbeiten</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="114"/>
        <source>Add supplier order</source>
        <translation>Lieferantenbestellung hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="129"/>
        <source>16 digits, like 8198352049851315</source>
        <translation>16 Ziffern, etwa 8198352049851315</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="130"/>
        <source>Pasting &quot;Order ID: 8198… Copy&quot; from AliExpress works too.</source>
        <translation>Sie können auch „Order ID: 8198… Copy“ aus AliExpress einfügen.</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="146"/>
        <source>Pick one, or type a new supplier&apos;s name</source>
        <translation>Wählen Sie einen aus oder geben Sie den Namen eines neuen Lieferanten ein</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="153"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="154"/>
        <source>Set the payment time to now</source>
        <translation>Zahlungszeitpunkt auf jetzt setzen</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="155"/>
        <source>Not known yet</source>
        <translation>Noch unbekannt</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="156"/>
        <source>your time ({0})</source>
        <translation>Ihre Zeit ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="176"/>
        <source>The shop&apos;s order name, like #1001</source>
        <translation>Bestellname im Shop, etwa #1001</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="191"/>
        <source>from the supplier or the AliExpress order page</source>
        <translation>vom Lieferanten oder von der AliExpress-Bestellseite</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="217"/>
        <source>Paid at</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="218"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="220"/>
        <source>For customer order</source>
        <translation>Für Kundenbestellung</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="283"/>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="317"/>
        <source>A new supplier “{0}” will be added.</source>
        <translation>Ein neuer Lieferant „{0}“ wird angelegt.</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="319"/>
        <source>No supplier yet: the default ship window applies.</source>
        <translation>Noch kein Lieferant: Es gilt die Standard-Versandfrist.</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="336"/>
        <source>No ship window until the payment time is known.</source>
        <translation>Keine Versandfrist, solange der Zahlungszeitpunkt unbekannt ist.</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="346"/>
        <source>Ship window closes {0} ({1} working days, {2} calendar).</source>
        <translation>Versandfrist endet {0} ({1} Arbeitstage, {2} Kalendertage).</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="351"/>
        <source>Estimated from the Shopify payment time: correct it, or save to confirm it.</source>
        <translation>Geschätzt aus dem Zahlungszeitpunkt in Shopify: korrigieren Sie ihn, oder speichern Sie, um ihn zu bestätigen.</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="362"/>
        <source>Not linked to a customer order.</source>
        <translation>Mit keiner Kundenbestellung verknüpft.</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="367"/>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="401"/>
        <source>&quot;{0}&quot; is not an amount, like {1}.</source>
        <translation>„{0}“ ist kein Betrag wie {1}.</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="410"/>
        <source>There is no customer order {0} in the ledger.</source>
        <translation>Im Auftragsbuch gibt es keine Kundenbestellung {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="445"/>
        <source>Supplier order gone</source>
        <translation>Lieferantenbestellung nicht mehr vorhanden</translation>
    </message>
    <message>
        <location filename="../../gui/supplier_order_dialog.py" line="446"/>
        <source>This supplier order is no longer in the ledger.</source>
        <translation>Diese Lieferantenbestellung ist nicht mehr im Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="96"/>
        <source>none stated</source>
        <extracomment>Opens the holiday calendar editor from the suppliers view.</extracomment>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="137"/>
        <source>Suppliers — {0}</source>
        <translation>Lieferanten – {0}</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="161"/>
        <source>Not stated</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="162"/>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="163"/>
        <location filename="../../gui/suppliers_view.py" line="198"/>
        <source>Cancel accepted within</source>
        <translation>Stornierung möglich innerhalb</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="177"/>
        <source>business days</source>
        <translation>Arbeitstage</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="179"/>
        <source>The supplier has a clear written policy</source>
        <translation>Der Lieferant hat klare schriftliche Bedingungen</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="182"/>
        <location filename="../../gui/suppliers_view.py" line="202"/>
        <source>Policy address</source>
        <translation>Adresse der Bedingungen</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="187"/>
        <source>Save policy</source>
        <translation>Bedingungen speichern</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="188"/>
        <source>Show in review</source>
        <translation>In der Auswertung zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="189"/>
        <source>&amp;Holidays and working days…</source>
        <translation>&amp;Feiertage und Arbeitstage…</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="192"/>
        <source>Add or remove holidays and make-up working days per country and year ({0})</source>
        <translation>Feiertage und Nacharbeitstage je Land und Jahr hinzufügen oder entfernen ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="199"/>
        <source>Returns accepted for</source>
        <translation>Rücksendung möglich bei</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="200"/>
        <source>Refunds take</source>
        <translation>Erstattungen dauern</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="203"/>
        <source>Last reviewed</source>
        <translation>Zuletzt geprüft</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="207"/>
        <source>Policy, as the supplier states it</source>
        <translation>Bedingungen laut Lieferant</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="209"/>
        <source>Refund record</source>
        <translation>Erstattungsbilanz</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="265"/>
        <source>Computing refund records…</source>
        <translation>Erstattungsbilanzen werden berechnet…</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="276"/>
        <source>Refund records failed: {0}</source>
        <translation>Erstattungsbilanzen fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="284"/>
        <source>Refund records of all time, as of {0}.</source>
        <translation>Erstattungsbilanzen über den gesamten Zeitraum, Stand {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="308"/>
        <source>{0} business days</source>
        <translation>{0} Arbeitstage</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="309"/>
        <location filename="../../gui/suppliers_view.py" line="321"/>
        <source>{0} h</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="313"/>
        <source>{0} estimated</source>
        <translation>{0} geschätzt</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="321"/>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="326"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="326"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="381"/>
        <source>No supplier selected</source>
        <translation>Kein Lieferant ausgewählt</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="387"/>
        <source>Ships within {0} business days of payment; answers a cancel request within {1} hours; tracking due {2} business days after asking; calendar {3}, {4}.</source>
        <translation>Versendet innerhalb von {0} Arbeitstagen nach Zahlung; beantwortet eine Stornierungsanfrage innerhalb von {1} Stunden; Sendungsnummer fällig {2} Arbeitstage nach Anfrage; Kalender {3}, {4}.</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="397"/>
        <source>Deadlines in {0} are estimated.</source>
        <translation>Fristen in {0} sind geschätzt.</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="419"/>
        <source>{0} of {1} orders refunded ({2})</source>
        <translation>{0} von {1} Bestellungen erstattet ({2})</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="424"/>
        <source>Refunded to customers</source>
        <translation>An Kunden erstattet</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="425"/>
        <source>Recovered</source>
        <translation>Zurückerhalten</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="426"/>
        <source>Out of pocket</source>
        <translation>Selbst getragen</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="427"/>
        <source>Still expected</source>
        <translation>Noch erwartet</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="428"/>
        <source>of which overdue</source>
        <translation>davon überfällig</translation>
    </message>
    <message>
        <location filename="../../gui/suppliers_view.py" line="474"/>
        <source>Saved the policy of {0}.</source>
        <translation>Bedingungen von {0} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="82"/>
        <source>No shop connected</source>
        <translation>Kein Shop verbunden</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="83"/>
        <source>Connect your Shopify shop first (Connections…).</source>
        <translation>Verbinden Sie zuerst Ihren Shopify-Shop (Verbindungen…).</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="107"/>
        <location filename="../../gui/sync_actions.py" line="123"/>
        <source>Sync with Shopify</source>
        <translation>Mit Shopify abgleichen</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="108"/>
        <source>Fetching the orders that changed in {0}…</source>
        <translation>Geänderte Bestellungen aus {0} werden abgerufen…</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="116"/>
        <source>Shopify sync stopped: {0} orders updated; the next sync continues.</source>
        <translation>Shopify-Abgleich angehalten: {0} Bestellungen aktualisiert; der nächste Abgleich macht weiter.</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="118"/>
        <source>Shopify sync done: {0} orders updated.</source>
        <translation>Shopify-Abgleich fertig: {0} Bestellungen aktualisiert.</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="136"/>
        <source>AliExpress not connected</source>
        <translation>AliExpress nicht verbunden</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="137"/>
        <source>Connect your AliExpress account first (Connections…).</source>
        <translation>Verbinden Sie zuerst Ihr AliExpress-Konto (Verbindungen…).</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="148"/>
        <source>Refresh from AliExpress</source>
        <translation>Von AliExpress aktualisieren</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="149"/>
        <source>Checking the status and tracking of open supplier orders…</source>
        <translation>Status und Sendungsverfolgung offener Lieferantenbestellungen werden geprüft…</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="154"/>
        <source>AliExpress: {0} of {1} orders checked, {2} changed, {3} shipped</source>
        <translation>AliExpress: {0} von {1} Bestellungen geprüft, {2} geändert, {3} versandt</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="161"/>
        <source>, {0} could not be read</source>
        <translation>, {0} nicht lesbar</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="163"/>
        <source> (stopped)</source>
        <translation> (angehalten)</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="168"/>
        <source>Reconnect AliExpress soon</source>
        <translation>AliExpress bald neu verbinden</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="170"/>
        <source>The AliExpress connection expires on {0}. Connect AliExpress again before then (Connections…), or Dropdesk can no longer refresh orders.</source>
        <translation>Die AliExpress-Verbindung läuft am {0} ab. Verbinden Sie AliExpress vorher erneut (Verbindungen…), sonst kann Dropdesk keine Bestellungen mehr aktualisieren.</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="200"/>
        <source>{0} did not finish.</source>
        <translation>{0} wurde nicht beendet.</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="230"/>
        <source>Shopify synced {0}</source>
        <translation>Shopify abgeglichen {0}</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="232"/>
        <source>Shopify never synced</source>
        <translation>Shopify nie abgeglichen</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="239"/>
        <source>AliExpress refreshed {0}</source>
        <translation>AliExpress aktualisiert {0}</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="241"/>
        <source>AliExpress never refreshed</source>
        <translation>AliExpress nie aktualisiert</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="245"/>
        <source>reconnect AliExpress by {0}</source>
        <translation>AliExpress bis {0} neu verbinden</translation>
    </message>
    <message>
        <location filename="../../gui/sync_actions.py" line="246"/>
        <source>The AliExpress connection expires on {0}.</source>
        <translation>Die AliExpress-Verbindung läuft am {0} ab.</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="87"/>
        <source>Needs me</source>
        <translation>Was ansteht</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="92"/>
        <source>Deadlines, soonest first</source>
        <translation>Fristen, die nächste zuerst</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="95"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="96"/>
        <source>Left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="108"/>
        <source>Money arrived</source>
        <translation>Geld erhalten</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="205"/>
        <source>{0} ({1} on the selected line)</source>
        <translation>{0} ({1} in der ausgewählten Zeile)</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_wizard/bulk_dialog.py" line="77"/>
        <location filename="../../gui/chargebacks_view.py" line="130"/>
        <location filename="../../gui/needs_me_view.py" line="97"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="98"/>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="100"/>
        <source>Your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="134"/>
        <source>Nothing is due within {0} h or overdue.</source>
        <translation>Innerhalb von {0} h ist nichts fällig oder überfällig.</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="139"/>
        <source>{0} deadlines within {1} h, {2} overdue. Double-click one to act on it.</source>
        <translation>{0} Fristen innerhalb von {1} h, {2} überfällig. Doppelklicken Sie auf eine, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_recompute.py" line="94"/>
        <source>Calendar changed: recomputing ship-by deadlines… {0} open orders checked</source>
        <translation>Kalender geändert: Versandfristen werden neu berechnet… {0} offene Bestellungen geprüft</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_recompute.py" line="105"/>
        <source>Calendar changed: the ship-by of {0} open orders moved (each order&apos;s timeline says from when to when).</source>
        <translation>Kalender geändert: Die Versandfrist von {0} offenen Bestellungen hat sich verschoben (der Verlauf jeder Bestellung nennt alt und neu).</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_recompute.py" line="110"/>
        <source>Calendar changed: no ship-by deadline moved.</source>
        <translation>Kalender geändert: Keine Versandfrist hat sich verschoben.</translation>
    </message>
    <message>
        <location filename="../../gui/calendar_recompute.py" line="117"/>
        <source>Recomputing ship-by deadlines failed: {0}</source>
        <translation>Neuberechnung der Versandfristen fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="72"/>
        <source>Connecting your Shopify shop</source>
        <extracomment>What Dropdesk asks Shopify for; the help names each (read_all_orders only for old orders).</extracomment>
        <translation>Ihren Shopify-Shop verbinden</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="75"/>
        <source>A connection is optional: the orders export (Shopify admin &gt; Orders &gt; Export) brings your orders in too. Connected, Dropdesk fetches new orders by itself and can cancel and refund in Shopify for you.</source>
        <translation>Eine Verbindung ist freiwillig: Auch der Bestellexport (Shopify-Adminbereich &gt; Bestellungen &gt; Exportieren) bringt Ihre Bestellungen herein. Verbunden holt Dropdesk neue Bestellungen selbst und kann für Sie in Shopify stornieren und erstatten.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="80"/>
        <source>New shops: a Dev Dashboard app (client ID and secret)</source>
        <translation>Neue Shops: eine App im Dev Dashboard (Client-ID und Secret)</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="83"/>
        <source>Since 1 January 2026 Shopify admin makes no new custom apps. Shops make an app in the Dev Dashboard instead; this is the usual way.</source>
        <translation>Seit dem 1. Januar 2026 lassen sich im Shopify-Adminbereich keine neuen benutzerdefinierten Apps mehr erstellen. Stattdessen erstellen Shops eine App im Dev Dashboard; das ist der übliche Weg.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="89"/>
        <source>Open the Shopify Dev Dashboard ({0}) with the account that owns your shop.</source>
        <translation>Öffnen Sie das Shopify Dev Dashboard ({0}) mit dem Konto, dem Ihr Shop gehört.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="92"/>
        <source>Click &lt;b&gt;Create app&lt;/b&gt;, choose &lt;b&gt;Start from Dev Dashboard&lt;/b&gt;, name it (for example Dropdesk) and click &lt;b&gt;Create&lt;/b&gt;.</source>
        <translation>Klicken Sie auf &lt;b&gt;Create app&lt;/b&gt;, wählen Sie &lt;b&gt;Start from Dev Dashboard&lt;/b&gt;, geben Sie einen Namen ein (zum Beispiel Dropdesk) und klicken Sie auf &lt;b&gt;Create&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="96"/>
        <source>On the &lt;b&gt;Versions&lt;/b&gt; tab, under &lt;b&gt;Access&lt;/b&gt;, select the Admin API scopes {0}, and {1} if Dropdesk should also read orders older than 60 days. Then release the version.</source>
        <translation>Wählen Sie im Reiter &lt;b&gt;Versions&lt;/b&gt; unter &lt;b&gt;Access&lt;/b&gt; die Admin-API-Berechtigungen {0} aus, dazu {1}, wenn Dropdesk auch Bestellungen lesen soll, die älter als 60 Tage sind. Veröffentlichen Sie dann die Version (Release).</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="101"/>
        <source>Protected customer data: in the app&apos;s settings, request access to the customer&apos;s name, email and address and give the reason (fulfilling your orders). Without it Shopify hides them and Dropdesk shows orders without the customer.</source>
        <translation>Geschützte Kundendaten: Beantragen Sie in den Einstellungen der App Zugriff auf Name, E-Mail-Adresse und Anschrift der Kunden und nennen Sie den Grund (Abwicklung Ihrer Bestellungen). Ohne diesen Zugriff blendet Shopify sie aus, und Dropdesk zeigt Bestellungen ohne Kunden.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="106"/>
        <source>On the app&apos;s page click &lt;b&gt;Install app&lt;/b&gt;, choose your shop and confirm.</source>
        <translation>Klicken Sie auf der Seite der App auf &lt;b&gt;Install app&lt;/b&gt;, wählen Sie Ihren Shop und bestätigen Sie.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="108"/>
        <source>Open the app&apos;s &lt;b&gt;Settings&lt;/b&gt; and copy the &lt;b&gt;Client ID&lt;/b&gt; and the &lt;b&gt;Client secret&lt;/b&gt;.</source>
        <translation>Öffnen Sie die &lt;b&gt;Settings&lt;/b&gt; der App und kopieren Sie die &lt;b&gt;Client ID&lt;/b&gt; und das &lt;b&gt;Client secret&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="112"/>
        <source>In Dropdesk choose &lt;b&gt;Client ID and secret&lt;/b&gt;, paste your shop&apos;s address (your-shop.myshopify.com), the client ID and the secret, click &lt;b&gt;Test connection&lt;/b&gt;, then &lt;b&gt;Save&lt;/b&gt;.</source>
        <translation>Wählen Sie in Dropdesk &lt;b&gt;Client-ID und Secret&lt;/b&gt;, fügen Sie die Adresse Ihres Shops (ihr-shop.myshopify.com), die Client-ID und das Secret ein, klicken Sie auf &lt;b&gt;Verbindung testen&lt;/b&gt; und dann auf &lt;b&gt;Speichern&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="119"/>
        <source>Dropdesk exchanges the ID and secret for an access token whenever it needs one (each lasts about 24 hours). This works only for shops that belong to the same Shopify account as the app: your own shops.</source>
        <translation>Dropdesk tauscht ID und Secret gegen ein Zugriffstoken, wann immer es eines braucht (jedes gilt etwa 24 Stunden). Das geht nur für Shops, die zum selben Shopify-Konto gehören wie die App: Ihre eigenen Shops.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="124"/>
        <source>Older shops: the Admin API access token</source>
        <translation>Ältere Shops: das Admin-API-Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="127"/>
        <source>A custom app made in Shopify admin before 1 January 2026 keeps working; you can connect with its token:</source>
        <translation>Eine benutzerdefinierte App, die vor dem 1. Januar 2026 im Shopify-Adminbereich erstellt wurde, funktioniert weiter; Sie können mit ihrem Token verbinden:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="133"/>
        <source>Shopify admin &gt; &lt;b&gt;Settings&lt;/b&gt; &gt; &lt;b&gt;Apps and sales channels&lt;/b&gt; &gt; &lt;b&gt;Develop apps&lt;/b&gt; &gt; your app.</source>
        <translation>Shopify-Adminbereich &gt; &lt;b&gt;Einstellungen&lt;/b&gt; &gt; &lt;b&gt;Apps und Vertriebskanäle&lt;/b&gt; &gt; &lt;b&gt;Apps entwickeln&lt;/b&gt; &gt; Ihre App.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="137"/>
        <source>Under &lt;b&gt;Configuration&lt;/b&gt;, give it the same Admin API scopes ({0}) and save.</source>
        <translation>Geben Sie ihr unter &lt;b&gt;Konfiguration&lt;/b&gt; dieselben Admin-API-Berechtigungen ({0}) und speichern Sie.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="140"/>
        <source>Under &lt;b&gt;API credentials&lt;/b&gt;, reveal the &lt;b&gt;Admin API access token&lt;/b&gt; (it starts with shpat_; Shopify shows it only once).</source>
        <translation>Lassen Sie sich unter &lt;b&gt;API-Anmeldedaten&lt;/b&gt; das &lt;b&gt;Admin-API-Zugriffstoken&lt;/b&gt; anzeigen (es beginnt mit shpat_; Shopify zeigt es nur einmal).</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="144"/>
        <source>In Dropdesk choose &lt;b&gt;Admin API access token&lt;/b&gt;, paste your shop&apos;s address and the token, test the connection and save.</source>
        <translation>Wählen Sie in Dropdesk &lt;b&gt;Admin-API-Zugriffstoken&lt;/b&gt;, fügen Sie die Adresse Ihres Shops und das Token ein, testen Sie die Verbindung und speichern Sie.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="150"/>
        <source>Secrets go into your system&apos;s keyring, never into the ledger or a log. Shopify&apos;s guides: {0}, {1}.</source>
        <translation>Secrets kommen in den Schlüsselbund Ihres Systems, nie ins Auftragsbuch oder in ein Protokoll. Anleitungen von Shopify (englisch): {0}, {1}.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="153"/>
        <source>Create apps using the Dev Dashboard</source>
        <translation>Create apps using the Dev Dashboard</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="154"/>
        <source>Client credentials grant</source>
        <translation>Client credentials grant</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="165"/>
        <source>Connecting AliExpress (optional)</source>
        <translation>AliExpress verbinden (optional)</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="168"/>
        <source>You do not need this. If you buy through DSers or the AliExpress website, Dropdesk works fully without it:</source>
        <translation>Sie brauchen das nicht. Wenn Sie über DSers oder die AliExpress-Website einkaufen, funktioniert Dropdesk auch ohne vollständig:</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="173"/>
        <source>DSers writes each AliExpress order number into the Shopify order&apos;s notes.</source>
        <translation>DSers schreibt jede AliExpress-Bestellnummer in die Notizen der Shopify-Bestellung.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="175"/>
        <source>Importing the Shopify orders export (or syncing the shop) finds those numbers and links each order to its AliExpress order.</source>
        <translation>Der Import des Shopify-Bestellexports (oder der Abgleich mit dem Shop) findet diese Nummern und verknüpft jede Bestellung mit ihrer AliExpress-Bestellung.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="179"/>
        <source>You set the AliExpress status yourself (paid, shipped, tracking, cancelled): double-click the order, or Order &gt; Edit supplier order.</source>
        <translation>Den AliExpress-Status setzen Sie selbst (bezahlt, versendet, Sendungsnummer, storniert): Doppelklick auf die Bestellung oder Bestellung &gt; Lieferantenbestellung bearbeiten.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="182"/>
        <source>Deadlines, reminders, cancellations and the review work the same way.</source>
        <translation>Fristen, Erinnerungen, Stornierungen und die Auswertung funktionieren genauso.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="184"/>
        <source>What the connection adds</source>
        <translation>Was die Verbindung hinzufügt</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="187"/>
        <source>Dropdesk reads each AliExpress order&apos;s status, tracking and amounts by itself (Connect &gt; Refresh from AliExpress) instead of you typing them in.</source>
        <translation>Dropdesk liest Status, Sendungsverfolgung und Beträge jeder AliExpress-Bestellung selbst (Verbinden &gt; Von AliExpress aktualisieren), statt dass Sie sie eintippen.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="191"/>
        <source>What it takes</source>
        <translation>Was es dafür braucht</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="194"/>
        <source>An AliExpress buyer account (the one you order with) that has joined the AliExpress Dropshipping Center ({0}).</source>
        <translation>Ein AliExpress-Käuferkonto (das, mit dem Sie bestellen), das dem AliExpress Dropshipping Center ({0}) beigetreten ist.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="198"/>
        <source>Register as a developer on the AliExpress Open Platform ({0}): sign in with that account, accept the API agreement and fill in your developer details.</source>
        <translation>Registrieren Sie sich als Entwickler auf der AliExpress Open Platform ({0}): Melden Sie sich mit diesem Konto an, stimmen Sie der API-Vereinbarung zu und füllen Sie Ihre Entwicklerangaben aus.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="203"/>
        <source>Click &lt;b&gt;Create App&lt;/b&gt;, choose the type &lt;b&gt;Drop Shipping&lt;/b&gt; and fill in the form: contact details, what the software does, your business licence (company registration) and technical details.</source>
        <translation>Klicken Sie auf &lt;b&gt;Create App&lt;/b&gt;, wählen Sie den Typ &lt;b&gt;Drop Shipping&lt;/b&gt; und füllen Sie das Formular aus: Kontaktdaten, was die Software tut, Ihre Gewerbeanmeldung (Handelsregister) und technische Angaben.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="208"/>
        <source>Wait for AliExpress to approve the app (they name 1 to 2 working days). Only an approved app gets an App Key.</source>
        <translation>Warten Sie, bis AliExpress die App freigibt (genannt werden 1 bis 2 Werktage). Nur eine freigegebene App bekommt einen App Key.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="212"/>
        <source>In &lt;b&gt;App Management&lt;/b&gt;, copy the &lt;b&gt;App Key&lt;/b&gt; and the &lt;b&gt;App Secret&lt;/b&gt;, and note the callback URL registered for the app.</source>
        <translation>Kopieren Sie unter &lt;b&gt;App Management&lt;/b&gt; den &lt;b&gt;App Key&lt;/b&gt; und das &lt;b&gt;App Secret&lt;/b&gt; und notieren Sie die für die App registrierte Callback-URL.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="216"/>
        <source>In Dropdesk paste the app key, the secret and the callback URL, click &lt;b&gt;Open authorization page&lt;/b&gt;, sign in and allow Dropdesk, then paste the code you get and click &lt;b&gt;Connect&lt;/b&gt;.</source>
        <translation>Fügen Sie in Dropdesk App-Key, Secret und Callback-URL ein, klicken Sie auf &lt;b&gt;Autorisierungsseite öffnen&lt;/b&gt;, melden Sie sich an und erlauben Sie Dropdesk den Zugriff, fügen Sie dann den erhaltenen Code ein und klicken Sie auf &lt;b&gt;Verbinden&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="223"/>
        <source>The authorization lasts a limited time; Dropdesk shows when it ends and warns a week before, so you can connect again.</source>
        <translation>Die Autorisierung gilt begrenzte Zeit; Dropdesk zeigt, wann sie endet, und warnt eine Woche vorher, damit Sie erneut verbinden können.</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="242"/>
        <source>How to connect Shopify</source>
        <translation>So verbinden Sie Shopify</translation>
    </message>
    <message>
        <location filename="../../gui/connections/help.py" line="242"/>
        <source>How to connect AliExpress</source>
        <translation>So verbinden Sie AliExpress</translation>
    </message>
    <message>
        <location filename="../../gui/demo_ledger.py" line="77"/>
        <source>Demo ledger</source>
        <translation>Demo-Auftragsbuch</translation>
    </message>
    <message>
        <location filename="../../gui/demo_ledger.py" line="78"/>
        <source>Writing a demo ledger with {0} made-up orders…</source>
        <translation>Ein Demo-Auftragsbuch mit {0} erfundenen Bestellungen wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../gui/demo_ledger.py" line="80"/>
        <source>orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location filename="../../gui/demo_ledger.py" line="98"/>
        <source>The demo could not be written</source>
        <translation>Die Demo konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="51"/>
        <source>Your ledger is empty. How would you like to begin?</source>
        <extracomment>Wide enough for the longest German description in two or three lines, narrow enough to read.</extracomment>
        <translation>Ihr Auftragsbuch ist leer. Wie möchten Sie beginnen?</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="62"/>
        <source>Dropdesk keeps your orders, their deadlines and your cancellations in this ledger on your computer. Bring your orders in one of these ways:</source>
        <translation>Dropdesk führt Ihre Bestellungen, ihre Fristen und Ihre Stornierungen in diesem Auftragsbuch auf Ihrem Computer. Holen Sie Ihre Bestellungen auf einem dieser Wege herein:</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="71"/>
        <source>Import the Shopify orders export</source>
        <translation>Shopify-Bestellexport importieren</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="73"/>
        <source>In Shopify admin, open Orders and click Export (all orders, CSV for Excel), then choose the file here or drop it on this window. AliExpress order numbers that DSers wrote into the order notes are linked by themselves. No developer account needed.</source>
        <translation>Öffnen Sie im Shopify-Adminbereich Bestellungen und klicken Sie auf Exportieren (alle Bestellungen, CSV für Excel). Wählen Sie dann hier die Datei oder ziehen Sie sie auf dieses Fenster. AliExpress-Bestellnummern, die DSers in die Bestellnotizen geschrieben hat, werden von selbst verknüpft. Kein Entwicklerkonto nötig.</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="82"/>
        <source>Connect your shop</source>
        <translation>Shop verbinden</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="84"/>
        <source>Dropdesk fetches new orders from Shopify itself. You need an app for your shop in the Shopify Dev Dashboard; the connections screen shows each step.</source>
        <translation>Dropdesk holt neue Bestellungen selbst von Shopify. Dazu brauchen Sie eine App für Ihren Shop im Shopify Dev Dashboard; die Verbindungsansicht zeigt jeden Schritt.</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="91"/>
        <source>Open the demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="93"/>
        <source>A made-up shop with 2,000 orders in every state, to try everything safely. Your own ledger stays as it is: File &gt; Open ledger brings you back.</source>
        <translation>Ein erfundener Shop mit 2.000 Bestellungen in jedem Zustand, um alles gefahrlos auszuprobieren. Ihr eigenes Auftragsbuch bleibt, wie es ist: Datei &gt; Auftragsbuch öffnen bringt Sie zurück.</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="84"/>
        <source>The folder did not open</source>
        <translation>Der Ordner hat sich nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="84"/>
        <source>The link did not open</source>
        <translation>Der Link hat sich nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="86"/>
        <source>No file manager opened this folder. Copy its path and open it yourself:</source>
        <translation>Kein Dateimanager hat diesen Ordner geöffnet. Kopieren Sie den Pfad und öffnen Sie ihn selbst:</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="88"/>
        <source>No browser opened this link. Copy it and paste it into your browser:</source>
        <translation>Kein Browser hat diesen Link geöffnet. Kopieren Sie ihn und fügen Sie ihn in Ihren Browser ein:</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="95"/>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="95"/>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="107"/>
        <source>The mail program did not open</source>
        <translation>Das E-Mail-Programm hat sich nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="110"/>
        <source>No mail program opened this message. Copy it and paste it into your mail program or the customer&apos;s message form:</source>
        <translation>Kein E-Mail-Programm hat diese Nachricht geöffnet. Kopieren Sie sie und fügen Sie sie in Ihr E-Mail-Programm oder das Nachrichtenformular des Kunden ein:</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="114"/>
        <source>No mail program opened. Copy the address and write from your mail program:</source>
        <translation>Kein E-Mail-Programm hat sich geöffnet. Kopieren Sie die Adresse und schreiben Sie aus Ihrem E-Mail-Programm:</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="119"/>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="125"/>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/links.py" line="128"/>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="74"/>
        <source>Notify the customer</source>
        <extracomment>Each kind&apos;s name in the window&apos;s language (the message itself is in the customer&apos;s).</extracomment>
        <translation>Kunden benachrichtigen</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="104"/>
        <source>The customer&apos;s language, whatever the window speaks</source>
        <translation>Die Sprache des Kunden, gleich welche Sprache das Fenster spricht</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="122"/>
        <source>The ship window has closed and there is no tracking number yet.</source>
        <translation>Das Versandfenster ist geschlossen, und es gibt noch keine Sendungsnummer.</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="124"/>
        <source>The ship window closes within a day and there is no tracking number yet.</source>
        <translation>Die Versandfrist endet innerhalb eines Tages, und es gibt noch keine Sendungsnummer.</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="134"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="135"/>
        <location filename="../../gui/withdrawal_dialog.py" line="119"/>
        <source>Customer&apos;s language</source>
        <translation>Sprache des Kunden</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="136"/>
        <source>New delivery estimate</source>
        <translation>Neuer Liefertermin</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="138"/>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="139"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="141"/>
        <location filename="../../gui/withdrawal_dialog.py" line="124"/>
        <source>Open in mail program</source>
        <translation>Im Mailprogramm öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="151"/>
        <source>What you send is kept in the order&apos;s timeline.</source>
        <translation>Was Sie senden, wird im Verlauf der Bestellung festgehalten.</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="238"/>
        <source>Opened in your mail program and kept in the timeline.</source>
        <translation>Im Mailprogramm geöffnet und im Verlauf festgehalten.</translation>
    </message>
    <message>
        <location filename="../../gui/notice_dialog.py" line="240"/>
        <source>Copied, and kept in the timeline.</source>
        <translation>Kopiert und im Verlauf festgehalten.</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="71"/>
        <source>Withdrawal received</source>
        <extracomment>How the customer told the merchant: stored value, label.</extracomment>
        <translation>Widerruf erhalten</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="83"/>
        <source>Withdrawal from order {0} by {1}</source>
        <translation>Widerruf der Bestellung {0} durch {1}</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="85"/>
        <source>Withdrawal from order {0}</source>
        <translation>Widerruf der Bestellung {0}</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="98"/>
        <source>What the customer wrote (optional)</source>
        <translation>Was der Kunde geschrieben hat (optional)</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="116"/>
        <source>Received at</source>
        <translation>Eingegangen am</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="117"/>
        <source>Received by</source>
        <translation>Eingegangen per</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="118"/>
        <source>Statement</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="121"/>
        <source>Record withdrawal</source>
        <translation>Widerruf erfassen</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="131"/>
        <source>The supplier has not shipped yet: cancel at the supplier and in the shop</source>
        <translation>Der Lieferant hat noch nicht versandt: beim Lieferanten und im Shop stornieren</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="148"/>
        <source>Acknowledgement to send the customer:</source>
        <translation>Eingangsbestätigung für den Kunden:</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="169"/>
        <source>Refund all payments, delivery included, by {0}: 14 days from receiving the withdrawal. You may hold the refund until the goods are back or the customer shows they sent them.</source>
        <translation>Alle Zahlungen samt Versandkosten bis {0} erstatten: 14 Tage ab Eingang des Widerrufs. Sie dürfen die Erstattung zurückhalten, bis die Ware zurück ist oder der Kunde die Rücksendung nachweist.</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="217"/>
        <source>Recorded. The supplier has not shipped yet: cancel everywhere, then send the acknowledgement.</source>
        <translation>Erfasst. Der Lieferant hat noch nicht versandt: Überall stornieren, dann die Eingangsbestätigung senden.</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="221"/>
        <source>Recorded. Send the acknowledgement now.</source>
        <translation>Erfasst. Senden Sie jetzt die Eingangsbestätigung.</translation>
    </message>
    <message>
        <location filename="../../gui/withdrawal_dialog.py" line="242"/>
        <source>The acknowledgement is kept in the order&apos;s timeline.</source>
        <translation>Die Eingangsbestätigung ist im Verlauf der Bestellung festgehalten.</translation>
    </message>
    <message>
        <location filename="../../gui/notice.py" line="124"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../gui/review_rates.py" line="54"/>
        <source>Exchange rates</source>
        <translation>Wechselkurse</translation>
    </message>
    <message>
        <location filename="../../gui/review_rates.py" line="64"/>
        <source>1 {0} in {1}</source>
        <translation>1 {0} in {1}</translation>
    </message>
    <message>
        <location filename="../../gui/review_rates.py" line="70"/>
        <source>ECB of each day, latest {0}</source>
        <translation>EZB-Kurs jedes Tages, zuletzt {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_rates.py" line="72"/>
        <source>ECB rate of each day</source>
        <translation>EZB-Kurs jedes Tages</translation>
    </message>
    <message>
        <location filename="../../gui/review_rates.py" line="73"/>
        <source>1 {0} = … {1}</source>
        <translation>1 {0} = … {1}</translation>
    </message>
    <message>
        <location filename="../../gui/review_rates.py" line="77"/>
        <source>A rate set here is used for every day instead of the European Central Bank&apos;s rate of that day. Leave a field empty to use the ECB&apos;s.</source>
        <translation>Ein hier gesetzter Kurs gilt für jeden Tag statt des Referenzkurses der Europäischen Zentralbank für diesen Tag. Lassen Sie ein Feld leer, um den der EZB zu verwenden.</translation>
    </message>
    <message>
        <location filename="../../gui/review_rates.py" line="111"/>
        <source>Not a positive number: {0}</source>
        <translation>Keine positive Zahl: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/server_ledger_dialog.py" line="25"/>
        <location filename="../../gui/server_ledger_dialog.py" line="51"/>
        <source>Ledger on a PostgreSQL server</source>
        <translation>Auftragsbuch auf einem PostgreSQL-Server</translation>
    </message>
    <message>
        <location filename="../../gui/server_ledger_dialog.py" line="26"/>
        <source>Address (without the password), e.g. postgresql://dropdesk@db.example.com/dropdesk</source>
        <translation>Adresse (ohne Passwort), z. B. postgresql://dropdesk@db.example.com/dropdesk</translation>
    </message>
    <message>
        <location filename="../../gui/server_ledger_dialog.py" line="46"/>
        <source>Password of {user} for {url} (kept in the system keyring):</source>
        <translation>Passwort von {user} für {url} (wird im Schlüsselbund des Systems aufbewahrt):</translation>
    </message>
    <message>
        <location filename="../../gui/language_switch.py" line="112"/>
        <source>The language changes once the running step has finished.</source>
        <translation>Die Sprache wechselt, sobald der laufende Schritt fertig ist.</translation>
    </message>
</context>
<context>
    <name>CancelWizard</name>
    <message>
        <location filename="dynamic_texts.py" line="12"/>
        <source>Not as described</source>
        <translation>Nicht wie beschrieben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="13"/>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="14"/>
        <source>Wrong size</source>
        <translation>Falsche Größe</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="15"/>
        <source>Changed mind</source>
        <translation>Meinung geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="16"/>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="17"/>
        <source>Fraud</source>
        <translation>Betrug</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="18"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="19"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="20"/>
        <source>Merchant (own)</source>
        <translation>Händler (selbst)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="21"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="22"/>
        <source>Carrier</source>
        <translation>Paketdienst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="23"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="68"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="69"/>
        <source>Where it stands</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="70"/>
        <source>Cancel on AliExpress</source>
        <translation>AliExpress</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="71"/>
        <source>If the supplier refuses</source>
        <translation>Wenn der Lieferant ablehnt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="72"/>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="73"/>
        <source>The money</source>
        <translation>Das Geld</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="24"/>
        <source>Checking where the order stands</source>
        <translation>Stand der Bestellung wird geprüft</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="25"/>
        <source>Too late to cancel: refund instead</source>
        <translation>Zu spät zum Stornieren: stattdessen erstatten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="26"/>
        <source>Cancel at the supplier on AliExpress</source>
        <translation>Beim Lieferanten auf AliExpress stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="27"/>
        <source>Waiting for the supplier&apos;s answer</source>
        <translation>Warten auf die Antwort des Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="28"/>
        <source>Cancelled at the supplier</source>
        <translation>Beim Lieferanten storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="29"/>
        <source>The supplier refused to cancel</source>
        <translation>Der Lieferant hat die Stornierung abgelehnt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="30"/>
        <source>Waiting for the tracking number</source>
        <translation>Warten auf die Sendungsnummer</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="31"/>
        <source>Tracking number received</source>
        <translation>Sendungsnummer erhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="32"/>
        <source>Dispute open on AliExpress</source>
        <translation>Streitfall auf AliExpress offen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="33"/>
        <source>Dispute closed</source>
        <translation>Streitfall abgeschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="34"/>
        <source>Cancel the order on Shopify</source>
        <translation>Bestellung auf Shopify stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="35"/>
        <source>Cancel sent to Shopify</source>
        <translation>Stornierung an Shopify gesendet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="36"/>
        <source>Cancelled on Shopify</source>
        <translation>Auf Shopify storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="37"/>
        <source>Refund the customer on Shopify</source>
        <translation>Dem Kunden auf Shopify erstatten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="38"/>
        <source>Refund sent to Shopify</source>
        <translation>Erstattung an Shopify gesendet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="39"/>
        <source>Refunded on Shopify</source>
        <translation>Auf Shopify erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="40"/>
        <source>Waiting for the supplier&apos;s refund</source>
        <translation>Warten auf die Erstattung des Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="41"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="42"/>
        <source>Abandoned</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="43"/>
        <source>The cancel request resolves by itself</source>
        <translation>Die Stornierungsanfrage erledigt sich von selbst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="44"/>
        <source>The supplier&apos;s tracking number is due</source>
        <translation>Die Sendungsnummer des Lieferanten ist fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="45"/>
        <source>The dispute can be escalated</source>
        <translation>Der Streitfall kann eskaliert werden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="46"/>
        <source>The dispute goes to AliExpress&apos; case team</source>
        <translation>Der Streitfall geht an das Fallteam von AliExpress</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="47"/>
        <source>The supplier&apos;s refund should have arrived</source>
        <translation>Die Erstattung des Lieferanten müsste eingegangen sein</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="48"/>
        <source>Request the cancellation on AliExpress before it ships</source>
        <translation>Stornierung auf AliExpress anfragen, bevor versendet wird</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="49"/>
        <source>Cancel on Shopify: due now</source>
        <translation>In Shopify stornieren: jetzt fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="50"/>
        <source>Refund on Shopify: due now</source>
        <translation>In Shopify erstatten: jetzt fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="51"/>
        <source>Your next step is due now</source>
        <translation>Ihr nächster Schritt ist jetzt fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="52"/>
        <source>Refund to the customer recorded</source>
        <translation>Erstattung an den Kunden vermerkt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="53"/>
        <source>Step recorded</source>
        <translation>Schritt vermerkt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="54"/>
        <source>Your decision: you do the Shopify step, Dropdesk reminds you</source>
        <translation>Ihre Entscheidung: Den Shopify-Schritt erledigen Sie, Dropdesk erinnert Sie daran</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="55"/>
        <source>Cancellation started</source>
        <translation>Stornierung begonnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="56"/>
        <source>Your decision: what Dropdesk does by itself</source>
        <translation>Ihre Entscheidung: was Dropdesk selbst erledigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="57"/>
        <source>You changed your decision</source>
        <translation>Sie haben Ihre Entscheidung geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="58"/>
        <source>You confirmed the Shopify step without the supplier&apos;s agreement</source>
        <translation>Sie haben den Shopify-Schritt ohne Zustimmung des Lieferanten bestätigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="59"/>
        <source>Refund key stored (retries cannot refund twice)</source>
        <translation>Erstattungsschlüssel gespeichert (ein erneuter Versuch erstattet nicht doppelt)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="60"/>
        <source>Shopify started the cancel job</source>
        <translation>Shopify hat den Stornierungsauftrag begonnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="61"/>
        <source>Shopify&apos;s answer to the cancel was lost</source>
        <translation>Die Antwort von Shopify auf die Stornierung ging verloren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="62"/>
        <source>Dispute escalated</source>
        <translation>Streitfall eskaliert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="63"/>
        <source>Tracking number received during the dispute</source>
        <translation>Sendungsnummer während des Streitfalls erhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="64"/>
        <source>AliExpress reports the refund completed</source>
        <translation>AliExpress meldet die Erstattung als abgeschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="65"/>
        <source>A refund from the supplier is expected</source>
        <translation>Eine Erstattung des Lieferanten wird erwartet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="66"/>
        <source>The supplier&apos;s refund arrived</source>
        <translation>Die Erstattung des Lieferanten ist eingegangen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="67"/>
        <source>A deadline moved: the holiday calendar changed</source>
        <translation>Eine Frist hat sich verschoben: Der Feiertagskalender wurde geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="74"/>
        <source>Cancel: the order can still be stopped before it ships.</source>
        <translation>Stornieren: Die Bestellung lässt sich noch vor dem Versand stoppen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="75"/>
        <source>Refund: too late to cancel everywhere, so the customer is refunded.</source>
        <translation>Erstatten: Für eine Stornierung überall ist es zu spät, daher erhält der Kunde eine Erstattung.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="76"/>
        <source>Not decided yet: Dropdesk checks the order first.</source>
        <translation>Noch offen: Dropdesk prüft zuerst die Bestellung.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="77"/>
        <source>Refunded to the customer</source>
        <translation>An den Kunden erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="78"/>
        <source>Refund from the supplier</source>
        <translation>Erstattung vom Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="79"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="80"/>
        <source>Completed at AliExpress, on its way</source>
        <translation>Bei AliExpress abgeschlossen, unterwegs</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="81"/>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="82"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="83"/>
        <source>Return to stock</source>
        <translation>Wieder einlagern</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="84"/>
        <source>Not shipped: cancel</source>
        <translation>Nicht versandt: stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="85"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="86"/>
        <source>The supplier accepted the cancellation.</source>
        <translation>Der Lieferant hat die Stornierung angenommen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="87"/>
        <source>The supplier refused to cancel.</source>
        <translation>Der Lieferant hat die Stornierung abgelehnt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="88"/>
        <source>The supplier shipped the parcel instead of cancelling.</source>
        <translation>Der Lieferant hat das Paket verschickt, statt zu stornieren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="89"/>
        <source>Read the order&apos;s status</source>
        <translation>Status der Bestellung lesen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="90"/>
        <source>Shopify accepted the cancel; waiting for its job to finish…</source>
        <translation>Shopify hat die Stornierung angenommen; warten, bis der Auftrag fertig ist…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="91"/>
        <source>Shopify is cancelling the order…</source>
        <translation>Shopify storniert die Bestellung…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="92"/>
        <source>Shopify&apos;s job finished; reading the order…</source>
        <translation>Der Shopify-Auftrag ist fertig; die Bestellung wird gelesen…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="93"/>
        <source>Refund key stored (a retry cannot refund twice); sending…</source>
        <translation>Erstattungsschlüssel gespeichert (ein neuer Versuch kann nicht doppelt erstatten); wird gesendet…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="94"/>
        <source>Shopify made the refund</source>
        <translation>Shopify hat erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="95"/>
        <source>Escalation recorded</source>
        <translation>Eskalation vermerkt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="96"/>
        <source>Looking at the supplier&apos;s answer on AliExpress…</source>
        <translation>Die Antwort des Lieferanten auf AliExpress wird gelesen…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="97"/>
        <source>Cancelling on Shopify, as you decided…</source>
        <translation>Wird in Shopify storniert, wie Sie entschieden haben…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="98"/>
        <source>Refunding on Shopify, as you decided…</source>
        <translation>Wird in Shopify erstattet, wie Sie entschieden haben…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="99"/>
        <source>by you</source>
        <translation>von Ihnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="100"/>
        <source>seen by the AliExpress refresh</source>
        <translation>von der AliExpress-Aktualisierung erkannt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="101"/>
        <source>already cancelled on Shopify</source>
        <translation>in Shopify bereits storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="102"/>
        <source>cancelled by Dropdesk</source>
        <translation>von Dropdesk storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="103"/>
        <source>AliExpress refunds me</source>
        <translation>AliExpress erstattet mir</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="104"/>
        <source>Rejected: no refund</source>
        <translation>Abgelehnt: keine Erstattung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="105"/>
        <source>I withdrew it</source>
        <translation>Ich habe ihn zurückgezogen</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_ports.py" line="84"/>
        <source>Shopify works by hand this time: {0}</source>
        <translation>Shopify wird diesmal von Hand erledigt: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cancel_ports.py" line="94"/>
        <source>AliExpress works by hand this time: {0}</source>
        <translation>AliExpress wird diesmal von Hand erledigt: {0}</translation>
    </message>
</context>
<context>
    <name>CancellationsView</name>
    <message>
        <location filename="dynamic_texts.py" line="106"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="107"/>
        <source>AliExpress order</source>
        <translation>AliExpress-Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="108"/>
        <source>Where it stands</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="109"/>
        <source>Next deadline</source>
        <translation>Nächste Frist</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="110"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="111"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="112"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="113"/>
        <source>Not as described</source>
        <translation>Nicht wie beschrieben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="114"/>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="115"/>
        <source>Wrong size</source>
        <translation>Falsche Größe</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="116"/>
        <source>Changed mind</source>
        <translation>Meinung geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="117"/>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="118"/>
        <source>Fraud</source>
        <translation>Betrug</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="119"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="120"/>
        <source>Checking where the order stands</source>
        <translation>Stand der Bestellung wird geprüft</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="121"/>
        <source>Too late to cancel: refund instead</source>
        <translation>Zu spät zum Stornieren: stattdessen erstatten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="122"/>
        <source>Cancel at the supplier on AliExpress</source>
        <translation>Beim Lieferanten auf AliExpress stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="123"/>
        <source>Waiting for the supplier&apos;s answer</source>
        <translation>Warten auf die Antwort des Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="124"/>
        <source>Cancelled at the supplier</source>
        <translation>Beim Lieferanten storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="125"/>
        <source>The supplier refused to cancel</source>
        <translation>Der Lieferant hat die Stornierung abgelehnt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="126"/>
        <source>Waiting for the tracking number</source>
        <translation>Warten auf die Sendungsnummer</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="127"/>
        <source>Tracking number received</source>
        <translation>Sendungsnummer erhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="128"/>
        <source>Dispute open on AliExpress</source>
        <translation>Streitfall auf AliExpress offen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="129"/>
        <source>Dispute closed</source>
        <translation>Streitfall abgeschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="130"/>
        <source>Cancel the order on Shopify</source>
        <translation>Bestellung auf Shopify stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="131"/>
        <source>Cancel sent to Shopify</source>
        <translation>Stornierung an Shopify gesendet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="132"/>
        <source>Cancelled on Shopify</source>
        <translation>Auf Shopify storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="133"/>
        <source>Refund the customer on Shopify</source>
        <translation>Dem Kunden auf Shopify erstatten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="134"/>
        <source>Refund sent to Shopify</source>
        <translation>Erstattung an Shopify gesendet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="135"/>
        <source>Refunded on Shopify</source>
        <translation>Auf Shopify erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="136"/>
        <source>Waiting for the supplier&apos;s refund</source>
        <translation>Warten auf die Erstattung des Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="137"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="138"/>
        <source>Abandoned</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="139"/>
        <source>The cancel request resolves by itself</source>
        <translation>Die Stornierungsanfrage erledigt sich von selbst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="140"/>
        <source>The supplier&apos;s tracking number is due</source>
        <translation>Die Sendungsnummer des Lieferanten ist fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="141"/>
        <source>The dispute can be escalated</source>
        <translation>Der Streitfall kann eskaliert werden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="142"/>
        <source>The dispute goes to AliExpress&apos; case team</source>
        <translation>Der Streitfall geht an das Fallteam von AliExpress</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="143"/>
        <source>The supplier&apos;s refund should have arrived</source>
        <translation>Die Erstattung des Lieferanten müsste eingegangen sein</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="144"/>
        <source>Request the cancellation on AliExpress before it ships</source>
        <translation>Stornierung auf AliExpress anfragen, bevor versendet wird</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="145"/>
        <source>Cancel on Shopify: due now</source>
        <translation>In Shopify stornieren: jetzt fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="146"/>
        <source>Refund on Shopify: due now</source>
        <translation>In Shopify erstatten: jetzt fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="147"/>
        <source>Your next step is due now</source>
        <translation>Ihr nächster Schritt ist jetzt fällig</translation>
    </message>
</context>
<context>
    <name>ChargebacksView</name>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="405"/>
        <source>Summary of the evidence</source>
        <extracomment>The evidence fields the dialog shows, by Shopify&apos;s name for them.</extracomment>
        <translation>Zusammenfassung der Nachweise</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="406"/>
        <source>Refund policy</source>
        <translation>Rückerstattungsrichtlinie</translation>
    </message>
    <message>
        <location filename="../../gui/chargebacks_view.py" line="407"/>
        <source>Customer&apos;s e-mail</source>
        <translation>E-Mail des Kunden</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <location filename="dynamic_texts.py" line="148"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="149"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="150"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="dynamic_texts.py" line="151"/>
        <source>Awaiting shipment</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="152"/>
        <source>Closing soon</source>
        <translation>Frist endet bald</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="153"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="154"/>
        <source>Cancel requested</source>
        <translation>Stornierung beantragt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="155"/>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="156"/>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="157"/>
        <source>All orders</source>
        <translation>Alle Bestellungen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="158"/>
        <source>&amp;Cancel everywhere…</source>
        <translation>Überall &amp;stornieren…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="159"/>
        <source>&amp;Edit supplier order…</source>
        <translation>Lieferantenbestellung &amp;bearbeiten…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="160"/>
        <source>&amp;Withdrawal received…</source>
        <translation>&amp;Widerruf erhalten…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="161"/>
        <source>&amp;Notify the customer…</source>
        <translation>&amp;Kunden benachrichtigen…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="162"/>
        <source>&amp;Open ledger…</source>
        <translation>Auftragsbuch ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="163"/>
        <source>&amp;Import Shopify orders…</source>
        <translation>Shopify-Bestellungen &amp;importieren…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="164"/>
        <source>&amp;Add supplier order…</source>
        <translation>Lieferantenbestellung &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="165"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="166"/>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="167"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="168"/>
        <source>Needs &amp;me…</source>
        <translation>&amp;Was ansteht…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="169"/>
        <source>Cance&amp;llations…</source>
        <translation>Stor&amp;nierungen…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="170"/>
        <source>Refund &amp;review…</source>
        <translation>&amp;Erstattungsauswertung…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="171"/>
        <source>&amp;Suppliers…</source>
        <translation>&amp;Lieferanten…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="172"/>
        <source>Refund &amp;policy…</source>
        <translation>Rückerstattungs&amp;richtlinie…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="173"/>
        <source>&amp;About Dropdesk</source>
        <translation>Ü&amp;ber Dropdesk</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="174"/>
        <source>Open &amp;logs folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="175"/>
        <source>Save &amp;diagnostics…</source>
        <translation>&amp;Diagnosedaten speichern…</translation>
    </message>
</context>
<context>
    <name>NeedsMeView</name>
    <message>
        <location filename="../../gui/needs_me_view.py" line="47"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="48"/>
        <source>The supplier accepted the cancellation</source>
        <translation>Der Lieferant hat die Stornierung angenommen</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="52"/>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="53"/>
        <source>The supplier refused to cancel</source>
        <translation>Der Lieferant hat die Stornierung abgelehnt</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="57"/>
        <source>Money arrived</source>
        <translation>Geld erhalten</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="58"/>
        <source>The supplier&apos;s refund arrived in your account</source>
        <translation>Die Erstattung des Lieferanten ist auf Ihrem Konto eingegangen</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="62"/>
        <source>Requested on AliExpress</source>
        <translation>Auf AliExpress angefragt</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="67"/>
        <source>Shopify done</source>
        <translation>Shopify erledigt</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="68"/>
        <source>You cancelled the order in the Shopify admin, refunding what was left (for another amount, open the cancellation)</source>
        <translation>Sie haben die Bestellung im Shopify-Adminbereich storniert und den Restbetrag erstattet (für einen anderen Betrag öffnen Sie die Stornierung)</translation>
    </message>
    <message>
        <location filename="../../gui/needs_me_view.py" line="63"/>
        <source>You have requested the cancellation on AliExpress</source>
        <translation>Sie haben die Stornierung bei AliExpress angefragt</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="dynamic_texts.py" line="176"/>
        <source>Cancellation confirmed</source>
        <translation>Stornierung bestätigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="177"/>
        <source>Delay, with the new estimate</source>
        <translation>Verzögerung, mit neuem Termin</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="178"/>
        <source>Refund sent</source>
        <translation>Erstattung veranlasst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="179"/>
        <source>Withdrawal acknowledged</source>
        <translation>Widerruf bestätigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="180"/>
        <source>Tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
</context>
<context>
    <name>OrderDetailsPanel</name>
    <message>
        <location filename="dynamic_texts.py" line="181"/>
        <source>Ordered in the shop</source>
        <translation>Im Shop bestellt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="182"/>
        <source>Ship window closes</source>
        <translation>Versandfrist endet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="183"/>
        <source>Cancelled in the shop</source>
        <translation>Im Shop storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="184"/>
        <source>Paid to supplier</source>
        <translation>An Lieferanten bezahlt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="185"/>
        <source>Shipped by supplier</source>
        <translation>Vom Lieferanten versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="186"/>
        <source>Cancellation requested</source>
        <translation>Stornierung beantragt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="187"/>
        <source>Refunded to customer</source>
        <translation>An Kunden erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="188"/>
        <source>Dispute opened</source>
        <translation>Streitfall eröffnet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="189"/>
        <source>AliExpress order linked</source>
        <translation>AliExpress-Bestellung verknüpft</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="190"/>
        <source>Supplier order added</source>
        <translation>Lieferantenbestellung angelegt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="191"/>
        <source>Supplier order changed</source>
        <translation>Lieferantenbestellung geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="192"/>
        <source>Payment time changed</source>
        <translation>Zahlungszeit geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="193"/>
        <source>Ship-by time recalculated</source>
        <translation>Versandfrist neu berechnet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="194"/>
        <source>Updated from AliExpress</source>
        <translation>Von AliExpress aktualisiert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="195"/>
        <source>Shipped (seen on AliExpress)</source>
        <translation>Versandt (laut AliExpress)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="196"/>
        <source>Cancelled at the supplier (seen on AliExpress)</source>
        <translation>Beim Lieferanten storniert (laut AliExpress)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="197"/>
        <source>AliExpress could not be asked</source>
        <translation>AliExpress konnte nicht abgefragt werden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="198"/>
        <source>Tracking number from the supplier</source>
        <translation>Sendungsnummer vom Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="199"/>
        <source>Shop step done by hand</source>
        <translation>Shop-Schritt von Hand erledigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="200"/>
        <source>Order read from Shopify</source>
        <translation>Bestellung aus Shopify gelesen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="201"/>
        <source>Cancelled on Shopify</source>
        <translation>Auf Shopify storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="202"/>
        <source>Ship-by moved</source>
        <translation>Versandfrist verschoben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="203"/>
        <source>Deadline moved</source>
        <translation>Frist verschoben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="204"/>
        <source>Customer notified</source>
        <translation>Kunde benachrichtigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="205"/>
        <source>Withdrawal received</source>
        <translation>Widerruf erhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="206"/>
        <source>Withdrawal refunded</source>
        <translation>Widerruf erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="207"/>
        <source>Protection end recorded</source>
        <translation>Ende des Käuferschutzes erfasst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="208"/>
        <source>Recorded change</source>
        <translation>Vermerkte Änderung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="209"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="210"/>
        <source>shipping status</source>
        <translation>Versandstatus</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="211"/>
        <source>tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="212"/>
        <source>carrier</source>
        <translation>Versanddienst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="213"/>
        <source>shipping time</source>
        <translation>Versandzeit</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="214"/>
        <source>ship-by time</source>
        <translation>Versandfrist</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="215"/>
        <source>payment time</source>
        <translation>Zahlungszeit</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="216"/>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="217"/>
        <source>currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="218"/>
        <source>supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="219"/>
        <source>AliExpress order</source>
        <translation>AliExpress-Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="220"/>
        <source>shop order</source>
        <translation>Shop-Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="221"/>
        <source>fulfillment</source>
        <translation>Erfüllung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="222"/>
        <source>payment status</source>
        <translation>Zahlungsstatus</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="223"/>
        <source>cancellation</source>
        <translation>Stornierung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="224"/>
        <source>cancellation reason</source>
        <translation>Stornierungsgrund</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="225"/>
        <source>order total</source>
        <translation>Bestellsumme</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="226"/>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="227"/>
        <source>by you</source>
        <translation>von Ihnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="228"/>
        <source>by the import</source>
        <translation>durch den Import</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="229"/>
        <source>seen by the AliExpress refresh</source>
        <translation>von der AliExpress-Aktualisierung erkannt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="230"/>
        <source>customer&apos;s request</source>
        <translation>auf Wunsch des Kunden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="231"/>
        <source>payment declined</source>
        <translation>Zahlung abgelehnt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="232"/>
        <source>fraud</source>
        <translation>Betrug</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="233"/>
        <source>out of stock</source>
        <translation>nicht auf Lager</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="234"/>
        <source>staff error</source>
        <translation>Fehler des Personals</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="235"/>
        <source>other reason</source>
        <translation>anderer Grund</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="dynamic_texts.py" line="236"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="237"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="238"/>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="239"/>
        <source>Ship by</source>
        <translation>Versand bis</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="240"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="241"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="242"/>
        <source>AliExpress order</source>
        <translation>AliExpress-Nr.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="243"/>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="244"/>
        <source>Tracking</source>
        <translation>Sendungsverfolgung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="245"/>
        <source>calm</source>
        <translation>genug Zeit</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="246"/>
        <source>soon</source>
        <translation>bald</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="247"/>
        <source>urgent</source>
        <translation>dringend</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="248"/>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="dynamic_texts.py" line="249"/>
        <source>Connect a Shopify shop to publish the policy from here.</source>
        <translation>Verbinden Sie einen Shopify-Shop, um die Richtlinie von hier aus zu veröffentlichen.</translation>
    </message>
</context>
<context>
    <name>ReviewCharts</name>
    <message>
        <location filename="dynamic_texts.py" line="250"/>
        <source>Not as described</source>
        <translation>Nicht wie beschrieben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="251"/>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="252"/>
        <source>Wrong size</source>
        <translation>Falsche Größe</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="253"/>
        <source>Changed mind</source>
        <translation>Meinung geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="254"/>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="255"/>
        <source>Fraud</source>
        <translation>Betrug</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="256"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>ReviewReport</name>
    <message>
        <location filename="dynamic_texts.py" line="258"/>
        <source>Refunded to customers</source>
        <translation>An Kunden erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="259"/>
        <source>Recovered from suppliers</source>
        <translation>Von Lieferanten zurückerhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="260"/>
        <source>In flight from suppliers</source>
        <oldsource>Refunded, awaiting supplier</oldsource>
        <translation>Von Lieferanten unterwegs</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="257"/>
        <source>Net cost of refunds</source>
        <translation>Nettokosten der Erstattungen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="261"/>
        <source>of which overdue</source>
        <translation>davon überfällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="262"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="263"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="264"/>
        <source>AliExpress order</source>
        <translation>AliExpress-Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="265"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="266"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="267"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="268"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="269"/>
        <source>Fault</source>
        <translation>Verschulden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="270"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="271"/>
        <source>Expected until</source>
        <translation>Erwartet bis</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="272"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="273"/>
        <source>Known from</source>
        <translation>Bekannt aus</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="274"/>
        <source>In reporting currency</source>
        <translation>In Berichtswährung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="275"/>
        <source>Rate used</source>
        <translation>Verwendeter Kurs</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="276"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="277"/>
        <source>Path</source>
        <translation>Weg</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="278"/>
        <source>Supplier answer</source>
        <translation>Antwort des Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="279"/>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="280"/>
        <source>Abandoned because</source>
        <translation>Aufgegeben, weil</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="281"/>
        <source>First refund</source>
        <translation>Erste Erstattung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="282"/>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="283"/>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="284"/>
        <source>Supplier cost</source>
        <translation>Einkaufspreis</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="285"/>
        <source>Recovered</source>
        <translation>Zurückerhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="286"/>
        <source>Sale undone</source>
        <translation>Verkauf rückgängig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="287"/>
        <source>Net cost</source>
        <translation>Nettokosten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="288"/>
        <source>Profit</source>
        <translation>Gewinn</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="289"/>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="290"/>
        <source>Escalate after</source>
        <translation>Eskalierbar ab</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="291"/>
        <source>Case team</source>
        <translation>Fallteam</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="292"/>
        <source>First tracking</source>
        <translation>Erster Scan</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="293"/>
        <source>Shipped after filing</source>
        <translation>Nach Eröffnung versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="294"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="295"/>
        <source>Not as described</source>
        <translation>Nicht wie beschrieben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="296"/>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="297"/>
        <source>Wrong size</source>
        <translation>Falsche Größe</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="298"/>
        <source>Changed mind</source>
        <translation>Meinung geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="299"/>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="300"/>
        <source>Fraud</source>
        <translation>Betrug</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="301"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="302"/>
        <source>Merchant (own)</source>
        <translation>Händler (selbst)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="303"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="304"/>
        <source>Carrier</source>
        <translation>Paketdienst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="305"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="306"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="307"/>
        <source>Issued</source>
        <translation>Veranlasst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="308"/>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="309"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="310"/>
        <source>checking</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="311"/>
        <source>refund path</source>
        <translation>Erstattungsweg</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="312"/>
        <source>supplier cancel todo</source>
        <translation>beim Lieferanten stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="313"/>
        <source>supplier cancel requested</source>
        <translation>beim Lieferanten beantragt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="314"/>
        <source>supplier cancelled</source>
        <translation>beim Lieferanten storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="315"/>
        <source>supplier refused</source>
        <translation>vom Lieferanten abgelehnt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="316"/>
        <source>tracking requested</source>
        <translation>Sendungsnummer angefragt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="317"/>
        <source>tracking received</source>
        <translation>Sendungsnummer erhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="318"/>
        <source>dispute open</source>
        <translation>Streitfall offen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="319"/>
        <source>dispute closed</source>
        <translation>Streitfall abgeschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="320"/>
        <source>shop cancel todo</source>
        <translation>im Shop stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="321"/>
        <source>shop cancel sent</source>
        <translation>Stornierung an Shop gesendet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="322"/>
        <source>shop cancelled</source>
        <translation>im Shop storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="323"/>
        <source>shop refund todo</source>
        <translation>im Shop erstatten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="324"/>
        <source>shop refund sent</source>
        <translation>Erstattung an Shop gesendet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="325"/>
        <source>shop refunded</source>
        <translation>im Shop erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="326"/>
        <source>awaiting supplier refund</source>
        <translation>Lieferantenerstattung ausstehend</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="327"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="328"/>
        <source>abandoned</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="329"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="330"/>
        <source>escalated</source>
        <translation>eskaliert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="331"/>
        <source>case team</source>
        <translation>Fallteam</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="332"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="333"/>
        <source>cancel</source>
        <translation>Stornierung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="334"/>
        <source>refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="335"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="336"/>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="337"/>
        <source>shipped</source>
        <translation>versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="338"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="339"/>
        <source>Dropdesk</source>
        <translation>Dropdesk</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="340"/>
        <source>Shopify (order date)</source>
        <translation>Shopify (Bestelldatum)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="341"/>
        <source>Awaiting supplier</source>
        <translation>Lieferant ausstehend</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="342"/>
        <source>Not recovered</source>
        <translation>Nicht zurückerhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="343"/>
        <source>To customer</source>
        <translation>An Kunden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="344"/>
        <source>From supplier</source>
        <translation>Vom Lieferanten</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="dynamic_texts.py" line="345"/>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="346"/>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="347"/>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="348"/>
        <source>Last 3 months</source>
        <translation>Letzte 3 Monate</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="349"/>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="350"/>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="351"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="352"/>
        <source>By reason</source>
        <translation>Nach Grund</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="353"/>
        <source>By fault</source>
        <translation>Nach Verschulden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="354"/>
        <source>By supplier</source>
        <translation>Nach Lieferant</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="355"/>
        <source>By month</source>
        <translation>Nach Monat</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="358"/>
        <source>Refunds from suppliers that arrived.</source>
        <translation>Eingegangene Erstattungen von Lieferanten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="359"/>
        <source>Refunds from suppliers not received yet.</source>
        <translation>Noch nicht eingegangene Erstattungen von Lieferanten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="360"/>
        <source>Supplier refunds whose expected date has passed.</source>
        <translation>Lieferantenerstattungen, deren erwartetes Datum verstrichen ist.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="362"/>
        <source>Refunded to customers</source>
        <translation>An Kunden erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="363"/>
        <source>Recovered from suppliers</source>
        <translation>Von Lieferanten zurückerhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="365"/>
        <source>of which overdue</source>
        <translation>davon überfällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="366"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="367"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="368"/>
        <source>AliExpress order</source>
        <translation>AliExpress-Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="369"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="370"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="371"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="372"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="373"/>
        <source>Fault</source>
        <translation>Verschulden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="374"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="375"/>
        <source>Expected until</source>
        <translation>Erwartet bis</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="376"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="377"/>
        <source>Known from</source>
        <translation>Bekannt aus</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="378"/>
        <source>In reporting currency</source>
        <translation>In Berichtswährung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="379"/>
        <source>Rate used</source>
        <translation>Verwendeter Kurs</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="380"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="381"/>
        <source>Path</source>
        <translation>Weg</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="382"/>
        <source>Supplier answer</source>
        <translation>Antwort des Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="383"/>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="384"/>
        <source>Abandoned because</source>
        <translation>Aufgegeben, weil</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="385"/>
        <source>First refund</source>
        <translation>Erste Erstattung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="386"/>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="387"/>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="388"/>
        <source>Supplier cost</source>
        <translation>Einkaufspreis</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="390"/>
        <source>Sale undone</source>
        <translation>Verkauf rückgängig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="391"/>
        <source>Net cost</source>
        <translation>Nettokosten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="392"/>
        <source>Profit</source>
        <translation>Gewinn</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="393"/>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="394"/>
        <source>Escalate after</source>
        <translation>Eskalierbar ab</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="395"/>
        <source>Case team</source>
        <translation>Fallteam</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="396"/>
        <source>First tracking</source>
        <translation>Erster Scan</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="397"/>
        <source>Shipped after filing</source>
        <translation>Nach Eröffnung versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="398"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="399"/>
        <source>Not as described</source>
        <translation>Nicht wie beschrieben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="400"/>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="401"/>
        <source>Wrong size</source>
        <translation>Falsche Größe</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="402"/>
        <source>Changed mind</source>
        <translation>Meinung geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="403"/>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="404"/>
        <source>Fraud</source>
        <translation>Betrug</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="405"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="406"/>
        <source>Merchant (own)</source>
        <translation>Händler (selbst)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="407"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="408"/>
        <source>Carrier</source>
        <translation>Paketdienst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="409"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="410"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="411"/>
        <source>Issued</source>
        <translation>Veranlasst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="412"/>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="413"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="414"/>
        <source>To customer</source>
        <translation>An Kunden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="415"/>
        <source>From supplier</source>
        <translation>Vom Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="389"/>
        <source>Recovered</source>
        <translation>Zurückerhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="356"/>
        <source>What refunds took from your profit: the supplier cost not recovered on sales that were undone, and partial refunds given while the goods stayed with the customer, less what suppliers paid back.</source>
        <translation>Was Erstattungen vom Gewinn genommen haben: die nicht zurückerhaltenen Lieferantenkosten rückgängig gemachter Verkäufe und Teilerstattungen, bei denen die Ware beim Kunden blieb, abzüglich dessen, was Lieferanten zurückzahlten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="357"/>
        <source>Refunds to customers that were issued or received, Dropdesk&apos;s and those only Shopify knows.</source>
        <translation>Veranlasste oder erhaltene Erstattungen an Kunden, die von Dropdesk und die nur Shopify kennt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="361"/>
        <source>Net cost of refunds</source>
        <translation>Nettokosten der Erstattungen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="364"/>
        <source>In flight from suppliers</source>
        <translation>Von Lieferanten unterwegs</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="416"/>
        <source>Awaiting supplier</source>
        <translation>Lieferant ausstehend</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="417"/>
        <source>Not recovered</source>
        <translation>Nicht zurückerhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="418"/>
        <source>Dropdesk</source>
        <translation>Dropdesk</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="419"/>
        <source>Shopify (order date)</source>
        <translation>Shopify (Bestelldatum)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="420"/>
        <source>checking</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="421"/>
        <source>refund path</source>
        <translation>Erstattungsweg</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="422"/>
        <source>supplier cancel todo</source>
        <translation>beim Lieferanten stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="423"/>
        <source>supplier cancel requested</source>
        <translation>beim Lieferanten beantragt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="424"/>
        <source>supplier cancelled</source>
        <translation>beim Lieferanten storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="425"/>
        <source>supplier refused</source>
        <translation>vom Lieferanten abgelehnt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="426"/>
        <source>tracking requested</source>
        <translation>Sendungsnummer angefragt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="427"/>
        <source>tracking received</source>
        <translation>Sendungsnummer erhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="428"/>
        <source>dispute open</source>
        <translation>Streitfall offen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="429"/>
        <source>dispute closed</source>
        <translation>Streitfall abgeschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="430"/>
        <source>shop cancel todo</source>
        <translation>im Shop stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="431"/>
        <source>shop cancel sent</source>
        <translation>Stornierung an Shop gesendet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="432"/>
        <source>shop cancelled</source>
        <translation>im Shop storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="433"/>
        <source>shop refund todo</source>
        <translation>im Shop erstatten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="434"/>
        <source>shop refund sent</source>
        <translation>Erstattung an Shop gesendet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="435"/>
        <source>shop refunded</source>
        <translation>im Shop erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="436"/>
        <source>awaiting supplier refund</source>
        <translation>Lieferantenerstattung ausstehend</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="437"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="438"/>
        <source>abandoned</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="439"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="440"/>
        <source>escalated</source>
        <translation>eskaliert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="441"/>
        <source>case team</source>
        <translation>Fallteam</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="442"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="443"/>
        <source>cancel</source>
        <translation>Stornierung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="444"/>
        <source>refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="445"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="446"/>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="447"/>
        <source>shipped</source>
        <translation>versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="448"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="449"/>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="450"/>
        <source>Profit per order</source>
        <translation>Gewinn je Bestellung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="451"/>
        <source>Cancellations</source>
        <translation>Stornierungen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="452"/>
        <source>Disputes</source>
        <translation>Streitfälle</translation>
    </message>
</context>
<context>
    <name>SuppliersView</name>
    <message>
        <location filename="dynamic_texts.py" line="453"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="454"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="455"/>
        <source>Refund rate</source>
        <translation>Erstattungsquote</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="456"/>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="457"/>
        <source>Recovered</source>
        <translation>Zurückerhalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="458"/>
        <source>Out of pocket</source>
        <translation>Selbst getragen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="459"/>
        <source>Still expected</source>
        <translation>Noch erwartet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="460"/>
        <source>Ship window</source>
        <translation>Versandfrist</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="461"/>
        <source>Cancel answer</source>
        <translation>Antwort auf Stornierung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="462"/>
        <source>Cancel accepted within</source>
        <translation>Stornierung möglich innerhalb</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="463"/>
        <source>Returns accepted for</source>
        <translation>Rücksendung möglich bei</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="464"/>
        <source>Refund days</source>
        <translation>Erstattungstage</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="465"/>
        <source>Written policy</source>
        <translation>Schriftliche Bedingungen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="466"/>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="467"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="468"/>
        <source>Store id</source>
        <translation>Store-ID</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="469"/>
        <source>Not as described</source>
        <translation>Nicht wie beschrieben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="470"/>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="471"/>
        <source>Wrong size</source>
        <translation>Falsche Größe</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="472"/>
        <source>Changed mind</source>
        <translation>Meinung geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="473"/>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="474"/>
        <source>Fraud</source>
        <translation>Betrug</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="475"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="dynamic_texts.py" line="476"/>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="477"/>
        <source>Sync with &amp;Shopify</source>
        <translation>Mit &amp;Shopify abgleichen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="478"/>
        <source>Refresh from &amp;AliExpress</source>
        <translation>Von &amp;AliExpress aktualisieren</translation>
    </message>
</context>
<context>
    <name>WithdrawalDialog</name>
    <message>
        <location filename="dynamic_texts.py" line="479"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="480"/>
        <source>Contact form</source>
        <translation>Kontaktformular</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="481"/>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="482"/>
        <source>Phone or other</source>
        <translation>Telefon oder anders</translation>
    </message>
</context>
<context>
    <name>core.aliexpress.client</name>
    <message>
        <location filename="dynamic_texts.py" line="483"/>
        <source>AliExpress answered {method} in an unknown shape; try again later.</source>
        <translation>AliExpress hat {method} in einer unbekannten Form beantwortet; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="484"/>
        <source>AliExpress sent an error Dropdesk cannot read.</source>
        <translation>AliExpress hat einen Fehler geschickt, den Dropdesk nicht lesen kann.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="485"/>
        <source>AliExpress had a server problem (HTTP {response_status_code}). Try again later.</source>
        <translation>AliExpress hatte ein Serverproblem (HTTP {response_status_code}). Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="486"/>
        <source>AliExpress asks Dropdesk to slow down (HTTP 429). Try again in a few minutes.</source>
        <translation>AliExpress bittet Dropdesk, langsamer zu werden (HTTP 429). Versuchen Sie es in ein paar Minuten noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="487"/>
        <source>AliExpress sent an answer Dropdesk cannot read (HTTP {response_status_code}).</source>
        <translation>AliExpress hat eine Antwort geschickt, die Dropdesk nicht lesen kann (HTTP {response_status_code}).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="488"/>
        <source>AliExpress could not be reached ({name}). Check the internet connection and try again.</source>
        <translation>AliExpress war nicht erreichbar ({name}). Prüfen Sie die Internetverbindung und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="489"/>
        <source>AliExpress sent {refused_reason}; Dropdesk stopped reading it. Try again later; if it keeps happening, something between this computer and AliExpress alters the answers.</source>
        <translation>AliExpress hat {refused_reason} geschickt; Dropdesk hat das Lesen abgebrochen. Versuchen Sie es später noch einmal; passiert es immer wieder, verändert etwas zwischen diesem Computer und AliExpress die Antworten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="490"/>
        <source>AliExpress sent {refused_reason}, which Dropdesk cannot read. Try again later.</source>
        <translation>AliExpress hat {refused_reason} geschickt, was Dropdesk nicht lesen kann. Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="491"/>
        <source>The connection to AliExpress broke off ({name}). Try again later.</source>
        <translation>Die Verbindung zu AliExpress ist abgebrochen ({name}). Versuchen Sie es später noch einmal.</translation>
    </message>
</context>
<context>
    <name>core.aliexpress.dropship</name>
    <message>
        <location filename="dynamic_texts.py" line="492"/>
        <source>{order_id!r} is not an AliExpress order number.</source>
        <translation>{order_id!r} ist keine AliExpress-Bestellnummer.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="493"/>
        <source>AliExpress has no order {order_id} in the connected account.</source>
        <translation>AliExpress hat im verbundenen Konto keine Bestellung {order_id}.</translation>
    </message>
</context>
<context>
    <name>core.aliexpress.errors</name>
    <message>
        <location filename="dynamic_texts.py" line="494"/>
        <source>The AliExpress connection has expired. Connect AliExpress again to continue.</source>
        <translation>Die Verbindung zu AliExpress ist abgelaufen. Verbinden Sie AliExpress erneut, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="495"/>
        <source>AliExpress no longer accepts the saved access token (it expired or was revoked).</source>
        <translation>AliExpress nimmt das gespeicherte Zugriffstoken nicht mehr an (es ist abgelaufen oder wurde widerrufen).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="496"/>
        <source>AliExpress refused the request signature: the app secret is probably wrong. Enter the app secret again (AliExpress Open Platform &gt; App Overview).</source>
        <translation>AliExpress hat die Signatur der Anfrage abgelehnt: Das App-Secret ist wahrscheinlich falsch. Geben Sie das App-Secret erneut ein (AliExpress Open Platform &gt; App Overview).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="497"/>
        <source>AliExpress does not know this app key. Check the app key in the settings.</source>
        <translation>AliExpress kennt diesen App-Key nicht. Prüfen Sie den App-Key in den Einstellungen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="498"/>
        <source>AliExpress refused the request because this computer&apos;s clock is wrong. Set the date, time and time zone of this computer correctly (ideally: set automatically), then try again.</source>
        <translation>AliExpress hat die Anfrage abgelehnt, weil die Uhr dieses Computers falsch geht. Stellen Sie Datum, Uhrzeit und Zeitzone dieses Computers richtig ein (am besten automatisch) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="499"/>
        <source>AliExpress asks Dropdesk to slow down (call limit reached). Try again in a few minutes.</source>
        <translation>AliExpress bittet Dropdesk, langsamer zu werden (Aufruflimit erreicht). Versuchen Sie es in ein paar Minuten noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="500"/>
        <source>AliExpress had a temporary problem. Try again later.</source>
        <translation>AliExpress hatte ein vorübergehendes Problem. Versuchen Sie es später noch einmal.</translation>
    </message>
</context>
<context>
    <name>core.aliexpress.oauth</name>
    <message>
        <location filename="dynamic_texts.py" line="501"/>
        <source>The AliExpress connection has expired. Connect AliExpress again to continue.</source>
        <translation>Die Verbindung zu AliExpress ist abgelaufen. Verbinden Sie AliExpress erneut, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="502"/>
        <source>AliExpress&apos; token answer carried no access token.</source>
        <translation>Die Token-Antwort von AliExpress enthielt kein Zugriffstoken.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="503"/>
        <source>AliExpress&apos; token answer has no expiry times.</source>
        <translation>Die Token-Antwort von AliExpress hat keine Ablaufzeiten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="504"/>
        <source>AliExpress&apos; token answer carried no refresh token.</source>
        <translation>Die Token-Antwort von AliExpress enthielt kein Refresh-Token.</translation>
    </message>
</context>
<context>
    <name>core.aliexpress.orders</name>
    <message>
        <location filename="dynamic_texts.py" line="505"/>
        <source>AliExpress has no order {order_id} in the connected account.</source>
        <translation>AliExpress hat im verbundenen Konto keine Bestellung {order_id}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="506"/>
        <source>AliExpress sent tracking in a shape Dropdesk cannot read.</source>
        <translation>AliExpress hat die Sendungsverfolgung in einer Form geschickt, die Dropdesk nicht lesen kann.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="507"/>
        <source>AliExpress sent an error Dropdesk cannot read.</source>
        <translation>AliExpress hat einen Fehler geschickt, den Dropdesk nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>core.calendar_days</name>
    <message>
        <location filename="dynamic_texts.py" line="508"/>
        <source>{d_day} is not in {year}.</source>
        <translation>{d_day} liegt nicht in {year}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="509"/>
        <source>{d_country} is not {country}.</source>
        <translation>{d_country} ist nicht {country}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="510"/>
        <source>{entry_country!r} is not a country calendar Dropdesk knows (like CN or DE-BY).</source>
        <translation>{entry_country!r} ist kein Länderkalender, den Dropdesk kennt (etwa CN oder DE-BY).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="511"/>
        <source>{entry_kind!r} is not a kind; use holiday or working_day.</source>
        <translation>{entry_kind!r} ist keine Art; erlaubt sind holiday oder working_day.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="512"/>
        <source>{entry_day} is outside the years Dropdesk counts in.</source>
        <translation>{entry_day} liegt außerhalb der Jahre, in denen Dropdesk rechnet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="513"/>
        <source>the name is longer than {max_name} characters.</source>
        <translation>der Name ist länger als {max_name} Zeichen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="514"/>
        <source>The calendar file is larger than {value} kB; it cannot be a list of holidays.</source>
        <translation>Die Kalenderdatei ist größer als {value} kB; das kann keine Liste von Feiertagen sein.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="515"/>
        <source>The first line of a calendar file must be: country,date,kind,name</source>
        <translation>Die erste Zeile einer Kalenderdatei muss lauten: country,date,kind,name</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="516"/>
        <source>The calendar file has more than {max_rows} dates.</source>
        <translation>Die Kalenderdatei hat mehr als {max_rows} Daten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="517"/>
        <source>more than four columns (put commas inside a name in quotes).</source>
        <translation>mehr als vier Spalten (Kommas in einem Namen in Anführungszeichen setzen).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="518"/>
        <source>… and {more} more.</source>
        <translation>… und {more} weitere.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="519"/>
        <source>The calendar file is not UTF-8 text.</source>
        <translation>Die Kalenderdatei ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="520"/>
        <source>The calendar file is not valid CSV: {error}.</source>
        <translation>Die Kalenderdatei ist kein gültiges CSV: {error}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="521"/>
        <source>Line {number}: {problem}</source>
        <translation>Zeile {number}: {problem}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="522"/>
        <source>Line {number}: {entry_day} in {entry_country} is already on line {value}.</source>
        <translation>Zeile {number}: {entry_day} in {entry_country} steht schon in Zeile {value}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="523"/>
        <source>{day_text!r} is not a date like 2027-02-06.</source>
        <translation>{day_text!r} ist kein Datum wie 2027-02-06.</translation>
    </message>
</context>
<context>
    <name>core.cancel.autopilot</name>
    <message>
        <location filename="dynamic_texts.py" line="524"/>
        <source>Will close the cancellation when AliExpress shows the supplier&apos;s refund.</source>
        <translation>Schließt die Stornierung, sobald AliExpress die Erstattung des Lieferanten zeigt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="525"/>
        <source>Watches AliExpress for the supplier&apos;s answer.</source>
        <translation>Beobachtet AliExpress auf die Antwort des Lieferanten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="526"/>
        <source>Will cancel {name} on Shopify now.</source>
        <translation>Wird {name} jetzt in Shopify stornieren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="527"/>
        <source>Will cancel {name} on Shopify now, without waiting for the supplier.</source>
        <translation>Wird {name} jetzt in Shopify stornieren, ohne auf den Lieferanten zu warten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="528"/>
        <source>Will cancel {name} on Shopify when the supplier accepts.</source>
        <translation>Wird {name} in Shopify stornieren, sobald der Lieferant zustimmt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="529"/>
        <source>Will refund {name} on Shopify now.</source>
        <translation>Wird {name} jetzt in Shopify erstatten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="530"/>
        <source>Will refund {name} on Shopify now, without waiting for the supplier.</source>
        <translation>Wird {name} jetzt in Shopify erstatten, ohne auf den Lieferanten zu warten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="531"/>
        <source>Will refund {name} on Shopify when the supplier accepts.</source>
        <translation>Wird {name} in Shopify erstatten, sobald der Lieferant zustimmt.</translation>
    </message>
</context>
<context>
    <name>core.cancel.chain</name>
    <message>
        <location filename="dynamic_texts.py" line="532"/>
        <source>The supplier shipped the parcel, so it cannot be cancelled at the supplier any more. Refund the customer on Shopify (and arrange the return), or abandon the cancellation and let the customer take delivery.</source>
        <translation>Der Lieferant hat das Paket versandt, beim Lieferanten lässt es sich also nicht mehr stornieren. Erstatten Sie dem Kunden in Shopify (und vereinbaren Sie die Rücksendung), oder brechen Sie die Stornierung ab und lassen Sie den Kunden die Lieferung annehmen.</translation>
    </message>
</context>
<context>
    <name>core.cancel.check</name>
    <message>
        <location filename="dynamic_texts.py" line="533"/>
        <source>Let the customer take delivery; nothing is refunded.</source>
        <translation>Lassen Sie den Kunden die Lieferung annehmen; es wird nichts erstattet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="534"/>
        <source>Refund the customer on Shopify now and ask them to return the parcel (or to keep it); ask the supplier whether they refund a return.</source>
        <translation>Erstatten Sie dem Kunden jetzt in Shopify und bitten Sie ihn, das Paket zurückzusenden (oder es zu behalten); fragen Sie den Lieferanten, ob er eine Rücksendung erstattet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="535"/>
        <source>If the goods arrive damaged or not as described, open a dispute on AliExpress after delivery.</source>
        <translation>Kommt die Ware beschädigt oder nicht wie beschrieben an, eröffnen Sie nach der Zustellung einen Streitfall auf AliExpress.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="536"/>
        <source>{service} could not be asked ({error}); using the ledger.</source>
        <translation>{service} war nicht erreichbar ({error}); es gilt der Stand im Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="537"/>
        <source>{source_} the order not shipped yet ({words}): ask the supplier to cancel first, then cancel the order on Shopify.</source>
        <translation>{source_} die Bestellung noch nicht versandt ({words}): bitten Sie zuerst den Lieferanten um die Stornierung, stornieren Sie dann die Bestellung in Shopify.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="538"/>
        <source>AliExpress shows</source>
        <translation>AliExpress zeigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="539"/>
        <source>The ledger says (last known)</source>
        <translation>Laut Auftragsbuch (letzter bekannter Stand) ist</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="540"/>
        <source>{source_} the order not shipped yet ({words}), so ask the supplier to cancel first. Shopify shows the order fulfilled: there it can only be refunded.</source>
        <translation>{source_} die Bestellung noch nicht versandt ({words}): bitten Sie zuerst den Lieferanten um die Stornierung. In Shopify ist die Bestellung erfüllt: dort lässt sie sich nur erstatten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="541"/>
        <source>check the order</source>
        <translation>die Bestellung prüfen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="542"/>
        <source>AliExpress is not connected: its status is taken from the ledger. Look at the order page before going on.</source>
        <translation>AliExpress ist nicht verbunden: der Status stammt aus dem Auftragsbuch. Sehen Sie sich die Bestellseite an, bevor Sie weitermachen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="543"/>
        <source>Shopify is not connected: the order&apos;s fulfillment is taken from the ledger and the Shopify steps are done by hand in the admin.</source>
        <translation>Shopify ist nicht verbunden: der Versandstand der Bestellung stammt aus dem Auftragsbuch, die Schritte in Shopify erledigen Sie von Hand im Admin.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="544"/>
        <source>No Shopify order is linked to this supplier order: only the supplier side.</source>
        <translation>Mit dieser Lieferantenbestellung ist keine Shopify-Bestellung verknüpft: nur die Seite des Lieferanten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="545"/>
        <source>The order is already cancelled on Shopify.</source>
        <translation>Die Bestellung ist in Shopify bereits storniert.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="546"/>
        <source>Shopify reports nothing left to refund on this order.</source>
        <translation>Laut Shopify ist bei dieser Bestellung nichts mehr zu erstatten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="547"/>
        <source>No supplier order is linked, so there is nothing to cancel at the supplier.</source>
        <translation>Es ist keine Lieferantenbestellung verknüpft, beim Lieferanten gibt es also nichts zu stornieren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="548"/>
        <source>{source_} the order already cancelled at the supplier ({ended}); the supplier&apos;s refund is on its way.</source>
        <translation>{source_} die Bestellung beim Lieferanten bereits storniert ({ended}); die Erstattung des Lieferanten ist unterwegs.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="549"/>
        <source>Too late to cancel at the supplier: {source} the parcel shipped{on}{tracking}. A shipped AliExpress order cannot be cancelled.</source>
        <translation>Zu spät für eine Stornierung beim Lieferanten: {source} das Paket versandt{on}{tracking}. Eine versandte AliExpress-Bestellung lässt sich nicht stornieren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="550"/>
        <source>AliExpress reports a status Dropdesk does not know: check the order page.</source>
        <translation>AliExpress meldet einen Status, den Dropdesk nicht kennt: sehen Sie sich die Bestellseite an.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="551"/>
        <source>A cancellation request is already open at AliExpress: record it as requested.</source>
        <translation>Bei AliExpress ist bereits ein Stornierungsantrag offen: vermerken Sie ihn als beantragt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="552"/>
        <source>the ledger says (last known)</source>
        <translation>Laut Auftragsbuch (letzter bekannter Stand) ist</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="553"/>
        <source> on {day}</source>
        <translation> am {day}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="554"/>
        <source>, tracking number {number}</source>
        <translation>, Sendungsnummer {number}</translation>
    </message>
</context>
<context>
    <name>core.cancel.decision</name>
    <message>
        <location filename="dynamic_texts.py" line="555"/>
        <source>the Shopify step was already sent with it</source>
        <translation>der Shopify-Schritt wurde damit bereits gesendet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="556"/>
        <source>the supplier was already asked to cancel for this reason</source>
        <translation>der Lieferant wurde mit diesem Grund bereits um Stornierung gebeten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="557"/>
        <source>a refund was already recorded with it</source>
        <translation>eine Erstattung wurde damit bereits erfasst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="558"/>
        <source>the reason</source>
        <translation>der Grund</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="559"/>
        <source>whose fault it was</source>
        <translation>wessen Verschulden es war</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="560"/>
        <source>cancel or refund on Shopify</source>
        <translation>Stornieren oder Erstatten in Shopify</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="561"/>
        <source>how the money goes back</source>
        <translation>wie das Geld zurückgeht</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="562"/>
        <source>putting the items back in stock</source>
        <translation>das Zurücklegen ins Lager</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="563"/>
        <source>the email to the customer</source>
        <translation>die E-Mail an den Kunden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="564"/>
        <source>Shopify before the supplier&apos;s answer</source>
        <translation>Shopify vor der Antwort des Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="565"/>
        <source>Changed: {parts}</source>
        <translation>Geändert: {parts}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="566"/>
        <source>This cancellation is closed; its decision cannot change.</source>
        <translation>Diese Stornierung ist abgeschlossen; ihre Entscheidung kann sich nicht mehr ändern.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="567"/>
        <source>Cannot change {parts}. Nothing was changed.</source>
        <translation>Nicht änderbar: {parts}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="568"/>
        <source>The stored cancellation decision is unreadable.</source>
        <translation>Die gespeicherte Stornierungsentscheidung ist nicht lesbar.</translation>
    </message>
</context>
<context>
    <name>core.cancel.money_trail</name>
    <message>
        <location filename="dynamic_texts.py" line="569"/>
        <source>No refund from the supplier is expected for this cancellation.</source>
        <translation>Für diese Stornierung wird keine Erstattung vom Lieferanten erwartet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="570"/>
        <source>A refund amount cannot be negative.</source>
        <translation>Ein Erstattungsbetrag kann nicht negativ sein.</translation>
    </message>
</context>
<context>
    <name>core.cancel.record</name>
    <message>
        <location filename="dynamic_texts.py" line="571"/>
        <source>There is no cancellation {cancellation_id}.</source>
        <translation>Es gibt keine Stornierung {cancellation_id}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="572"/>
        <source>Cannot {action} now: the cancellation is at &apos;{state}&apos;.</source>
        <translation>Jetzt nicht möglich: {action}. Die Stornierung steht bei &apos;{state}&apos;.</translation>
    </message>
</context>
<context>
    <name>core.cancel.refusal</name>
    <message>
        <location filename="dynamic_texts.py" line="573"/>
        <source>ask for the tracking number</source>
        <translation>nach der Sendungsnummer fragen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="574"/>
        <source>Enter the tracking number the supplier sent.</source>
        <translation>Geben Sie die Sendungsnummer ein, die der Lieferant geschickt hat.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="575"/>
        <source>The first scan needs a date with a time zone.</source>
        <translation>Der erste Scan braucht ein Datum mit Zeitzone.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="576"/>
        <source>record a tracking number</source>
        <translation>eine Sendungsnummer eintragen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="577"/>
        <source>The dispute&apos;s opening time needs a time zone.</source>
        <translation>Die Eröffnungszeit des Streitfalls braucht eine Zeitzone.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="578"/>
        <source>open a dispute</source>
        <translation>einen Streitfall eröffnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="579"/>
        <source>record the escalation</source>
        <translation>die Eskalation eintragen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="580"/>
        <source>A refund amount cannot be negative.</source>
        <translation>Ein Erstattungsbetrag kann nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="581"/>
        <source>close the dispute</source>
        <translation>den Streitfall abschließen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="582"/>
        <source>The supplier has until {due} to send the tracking number; open the dispute after that.</source>
        <translation>Der Lieferant hat bis {due} Zeit, die Sendungsnummer zu senden; eröffnen Sie den Streitfall danach.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="583"/>
        <source>No AliExpress order is linked to this cancellation.</source>
        <translation>Mit dieser Stornierung ist keine AliExpress-Bestellung verknüpft.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="584"/>
        <source>This cancellation has no dispute.</source>
        <translation>Zu dieser Stornierung gibt es keinen Streitfall.</translation>
    </message>
</context>
<context>
    <name>core.cancel.shop_cancel</name>
    <message>
        <location filename="dynamic_texts.py" line="585"/>
        <source>Shopify shows {order_name} as {lower}: a fulfilled order cannot be cancelled, only refunded.</source>
        <translation>Shopify zeigt {order_name} als {lower}: eine erfüllte Bestellung lässt sich nicht stornieren, nur erstatten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="586"/>
        <source>Shopify is not connected: do this step in the Shopify admin and confirm it here.</source>
        <translation>Shopify ist nicht verbunden: Erledigen Sie diesen Schritt im Shopify-Adminbereich und bestätigen Sie ihn hier.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="587"/>
        <source>Cancelling without refunding is not supported through the API yet: cancel in the Shopify admin and confirm it here.</source>
        <translation>Stornieren ohne Erstattung geht über die Schnittstelle noch nicht: Stornieren Sie im Shopify-Adminbereich und bestätigen Sie es hier.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="588"/>
        <source>Shopify keeps at most {staff_note_max} characters of note.</source>
        <translation>Shopify speichert höchstens {staff_note_max} Zeichen Notiz.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="589"/>
        <source>cancel on Shopify</source>
        <translation>in Shopify stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="590"/>
        <source>check the cancel sent to Shopify</source>
        <translation>die an Shopify gesendete Stornierung prüfen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="591"/>
        <source>The linked order has no Shopify id: cancel it in the Shopify admin and confirm here.</source>
        <translation>Die verknüpfte Bestellung hat keine Shopify-ID: Stornieren Sie sie im Shopify-Adminbereich und bestätigen Sie es hier.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="592"/>
        <source>Shopify has no trace of the cancel; try again.</source>
        <translation>Shopify kennt die Stornierung nicht; versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="593"/>
        <source>record the cancel</source>
        <translation>die Stornierung eintragen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="594"/>
        <source>{error} Nothing was sent to Shopify.</source>
        <translation>{error} An Shopify wurde nichts gesendet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="595"/>
        <source>Shopify finished the cancel job without cancelling</source>
        <translation>Shopify hat den Stornierungsauftrag beendet, ohne zu stornieren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="596"/>
        <source>Shopify finished the cancel of {order_name} without cancelling it. Look at the order in the Shopify admin, then try again or cancel it there.</source>
        <translation>Shopify hat die Stornierung von {order_name} beendet, ohne zu stornieren. Sehen Sie sich die Bestellung im Shopify-Adminbereich an und versuchen Sie es dann noch einmal oder stornieren Sie sie dort.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="597"/>
        <source>no trace of the cancel at Shopify after the grace time</source>
        <translation>nach der Wartezeit keine Spur der Stornierung in Shopify</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="598"/>
        <source>Shopify has not finished cancelling {order} yet. Dropdesk checks again before sending anything: try again in a minute.</source>
        <translation>Shopify hat {order} noch nicht fertig storniert. Dropdesk prüft erneut, bevor es etwas sendet: Versuchen Sie es in einer Minute noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="599"/>
        <source>Shopify could not be asked whether the order was cancelled ({error}). Dropdesk sends nothing again until it knows: try again later.</source>
        <translation>Shopify konnte nicht gefragt werden, ob die Bestellung storniert wurde ({error}). Dropdesk sendet nichts erneut, bis es das weiß: Versuchen Sie es später noch einmal.</translation>
    </message>
</context>
<context>
    <name>core.cancel.shop_entry</name>
    <message>
        <location filename="dynamic_texts.py" line="600"/>
        <source>The supplier has not agreed to cancel yet. If you cancel or refund {name} on Shopify now and the supplier ships anyway, the customer gets their money back and you still pay the supplier: the refund comes out of your pocket. Confirm to go on.</source>
        <translation>Der Lieferant hat der Stornierung noch nicht zugestimmt. Wenn Sie {name} jetzt in Shopify stornieren oder erstatten und der Lieferant trotzdem versendet, bekommt der Kunde sein Geld zurück und Sie bezahlen den Lieferanten trotzdem: Die Erstattung geht aus Ihrer Tasche. Bestätigen Sie, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="601"/>
        <source>The supplier has not agreed to cancel yet. If you cancel or refund the order on Shopify now and the supplier ships anyway, the customer gets their money back and you still pay the supplier: the refund comes out of your pocket. Confirm to go on.</source>
        <translation>Der Lieferant hat der Stornierung noch nicht zugestimmt. Wenn Sie die Bestellung jetzt in Shopify stornieren oder erstatten und der Lieferant trotzdem versendet, bekommt der Kunde sein Geld zurück und Sie bezahlen den Lieferanten trotzdem: Die Erstattung geht aus Ihrer Tasche. Bestätigen Sie, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="602"/>
        <source>This order is to be cancelled on Shopify at this point, not refunded.</source>
        <translation>Diese Bestellung ist an dieser Stelle in Shopify zu stornieren, nicht zu erstatten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="603"/>
        <source>The ledger has no record of the {state_value} step.</source>
        <translation>Das Auftragsbuch hat keinen Eintrag zum Schritt {state_value}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="604"/>
        <source>No Shopify order is linked to this cancellation.</source>
        <translation>Mit dieser Stornierung ist keine Shopify-Bestellung verknüpft.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="605"/>
        <source>The Shopify step of this cancellation is already done.</source>
        <translation>Der Shopify-Schritt dieser Stornierung ist schon erledigt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="606"/>
        <source>This order is to be refunded on Shopify at this point, not cancelled.</source>
        <translation>Diese Bestellung ist an dieser Stelle in Shopify zu erstatten, nicht zu stornieren.</translation>
    </message>
</context>
<context>
    <name>core.cancel.shop_manual</name>
    <message>
        <location filename="dynamic_texts.py" line="607"/>
        <source>No Shopify order is linked to this cancellation.</source>
        <translation>Mit dieser Stornierung ist keine Shopify-Bestellung verknüpft.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="608"/>
        <source>Dropdesk already sent this step to Shopify and did not get the answer: look at the order in the admin first, and do it there only if it did not happen.</source>
        <translation>Dropdesk hat diesen Schritt schon an Shopify gesendet und keine Antwort erhalten: Sehen Sie zuerst im Adminbereich nach, und erledigen Sie ihn dort nur, wenn er nicht geschehen ist.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="609"/>
        <source>A refund amount cannot be negative.</source>
        <translation>Ein Erstattungsbetrag kann nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="610"/>
        <source>confirm the Shopify step</source>
        <translation>den Shopify-Schritt bestätigen</translation>
    </message>
</context>
<context>
    <name>core.cancel.shop_refund</name>
    <message>
        <location filename="dynamic_texts.py" line="611"/>
        <source>The linked order has no Shopify id: refund it in the Shopify admin and confirm here.</source>
        <translation>Die verknüpfte Bestellung hat keine Shopify-ID: Erstatten Sie sie im Shopify-Adminbereich und bestätigen Sie es hier.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="612"/>
        <source>Shopify suggests refunding nothing: there is nothing to send.</source>
        <translation>Shopify schlägt vor, nichts zu erstatten: Es gibt nichts zu senden.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="613"/>
        <source>refund on Shopify</source>
        <translation>in Shopify erstatten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="614"/>
        <source>send the refund to Shopify</source>
        <translation>die Erstattung an Shopify senden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="615"/>
        <source>The refund has no idempotency key; it cannot be sent safely.</source>
        <translation>Die Erstattung hat keinen Idempotenzschlüssel; sie lässt sich nicht sicher senden.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="616"/>
        <source>record the refund</source>
        <translation>die Erstattung eintragen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="617"/>
        <source>There is nothing left to refund in this cancellation.</source>
        <translation>In dieser Stornierung ist nichts mehr zu erstatten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="618"/>
        <source>{error} Dropdesk sends the same refund again with the same key later; Shopify will not refund twice.</source>
        <translation>{error} Dropdesk sendet dieselbe Erstattung später mit demselben Schlüssel erneut; Shopify erstattet nicht doppelt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="619"/>
        <source>{error} The refund is sent again later.</source>
        <translation>{error} Die Erstattung wird später erneut gesendet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="620"/>
        <source>Shopify saw this refund&apos;s key with other amounts. Look at the order&apos;s refunds in the Shopify admin before doing anything else.</source>
        <translation>Shopify kennt den Schlüssel dieser Erstattung mit anderen Beträgen. Sehen Sie sich die Erstattungen der Bestellung im Shopify-Adminbereich an, bevor Sie etwas anderes tun.</translation>
    </message>
</context>
<context>
    <name>core.cancel.states</name>
    <message>
        <location filename="dynamic_texts.py" line="621"/>
        <source>Cannot go from &apos;{current}&apos; to &apos;{target}&apos;.</source>
        <translation>Von &apos;{current}&apos; geht es nicht zu &apos;{target}&apos;.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="622"/>
        <source>Unknown cancellation state {raw!r} in the ledger.</source>
        <translation>Unbekannter Stornierungsstatus {raw!r} im Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="623"/>
        <source>This cancellation is closed ({state}); nothing more can change.</source>
        <translation>Diese Stornierung ist abgeschlossen ({state}); es kann sich nichts mehr ändern.</translation>
    </message>
</context>
<context>
    <name>core.cancel.supplier</name>
    <message>
        <location filename="dynamic_texts.py" line="624"/>
        <source>AliExpress shows the parcel shipped before the cancellation was requested: too late to cancel at the supplier.</source>
        <translation>AliExpress zeigt das Paket versandt, bevor die Stornierung beantragt wurde: zu spät für eine Stornierung beim Lieferanten.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="625"/>
        <source>Paid less than 24 hours ago: if you paid by card, AliExpress lets you cancel only after its 24-hour payment check, from {check_until}. Until then the Cancel button may be missing.</source>
        <translation>Vor weniger als 24 Stunden bezahlt: Bei Kartenzahlung lässt AliExpress das Stornieren erst nach seiner 24-Stunden-Zahlungsprüfung zu, ab {check_until}. Bis dahin fehlt die Schaltfläche „Cancel order“ eventuell.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="626"/>
        <source>The supplier&apos;s ship window has closed: AliExpress may close the order and refund you in full by itself.</source>
        <translation>Die Versandfrist des Lieferanten ist abgelaufen: AliExpress schließt die Bestellung eventuell von selbst und erstattet Ihnen den vollen Betrag.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="627"/>
        <source>record the cancel request</source>
        <translation>die Stornoanfrage eintragen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="628"/>
        <source>record the supplier&apos;s answer</source>
        <translation>die Antwort des Lieferanten eintragen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="629"/>
        <source>AliExpress is not connected: look at the order page and record the answer by hand.</source>
        <translation>AliExpress ist nicht verbunden: Sehen Sie auf der Bestellseite nach und tragen Sie die Antwort von Hand ein.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="630"/>
        <source>No AliExpress order is linked to this cancellation.</source>
        <translation>Mit dieser Stornierung ist keine AliExpress-Bestellung verknüpft.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="631"/>
        <source>AliExpress could not be asked: {error}</source>
        <translation>AliExpress konnte nicht gefragt werden: {error}</translation>
    </message>
</context>
<context>
    <name>core.cancel.workflow</name>
    <message>
        <location filename="dynamic_texts.py" line="632"/>
        <source>AliExpress order {order_external_order_id} already has an open cancellation: continue that one.</source>
        <translation>Für die AliExpress-Bestellung {order_external_order_id} läuft schon eine Stornierung: setzen Sie diese fort.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="633"/>
        <source>Enter the amount the supplier agreed to refund.</source>
        <translation>Geben Sie den Betrag ein, den der Lieferant zu erstatten zugesagt hat.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="634"/>
        <source>Say why the cancellation is abandoned.</source>
        <translation>Sagen Sie, warum die Stornierung aufgegeben wird.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="635"/>
        <source>There is no supplier order {supplier_order_id}.</source>
        <translation>Es gibt keine Lieferantenbestellung {supplier_order_id}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="636"/>
        <source>The supplier&apos;s answer is &apos;accepted&apos; or &apos;refused&apos;.</source>
        <translation>Die Antwort des Lieferanten ist &apos;accepted&apos; oder &apos;refused&apos;.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="637"/>
        <source>A supplier refund cannot be added to this run now.</source>
        <translation>Eine Erstattung des Lieferanten kann diesem Vorgang jetzt nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="638"/>
        <source>A refund from the supplier is already expected.</source>
        <translation>Eine Erstattung vom Lieferanten wird bereits erwartet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="639"/>
        <source>This cancellation is closed.</source>
        <translation>Diese Stornierung ist abgeschlossen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="640"/>
        <source>Dropdesk is waiting for Shopify&apos;s answer to this cancellation: resume it first, then abandon if you still want to.</source>
        <translation>Dropdesk wartet auf Shopifys Antwort zu dieser Stornierung: Setzen Sie sie zuerst fort und geben Sie sie dann auf, wenn Sie das noch wollen.</translation>
    </message>
</context>
<context>
    <name>core.chargebacks.evidence</name>
    <message>
        <location filename="dynamic_texts.py" line="641"/>
        <source>carrier</source>
        <translation>Versanddienst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="642"/>
        <source>tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="643"/>
        <source>shipped</source>
        <translation>versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="644"/>
        <source>carrier status</source>
        <translation>Status des Versanddienstes</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="645"/>
        <source>AliExpress status</source>
        <translation>AliExpress-Status</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="646"/>
        <source>Refund from the supplier: {amount} ({state})</source>
        <translation>Erstattung vom Lieferanten: {amount} ({state})</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="647"/>
        <source>Chargeback opened by the bank</source>
        <translation>Rückbuchung von der Bank eröffnet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="648"/>
        <source>Chargeback updated by Shopify</source>
        <translation>Rückbuchung von Shopify geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="649"/>
        <source>Evidence text saved at Shopify</source>
        <translation>Nachweistext bei Shopify gespeichert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="650"/>
        <source>Evidence submitted to the bank</source>
        <translation>Nachweise an die Bank übermittelt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="651"/>
        <source>Sending the evidence failed</source>
        <translation>Senden der Nachweise fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="652"/>
        <source>Supplier shipped the order (AliExpress)</source>
        <translation>Lieferant hat versandt (AliExpress)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="653"/>
        <source>AliExpress status changed</source>
        <translation>AliExpress-Status geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="654"/>
        <source>Order cancelled at AliExpress</source>
        <translation>Bestellung bei AliExpress storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="655"/>
        <source>Tracking number from the supplier</source>
        <translation>Sendungsnummer vom Lieferanten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="656"/>
        <source>Supplier order recorded</source>
        <translation>Lieferantenbestellung erfasst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="657"/>
        <source>Supplier order edited</source>
        <translation>Lieferantenbestellung bearbeitet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="658"/>
        <source>Refund issued to the customer</source>
        <translation>Erstattung an den Kunden veranlasst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="659"/>
        <source>Refund to the customer: {amount} ({state})</source>
        <translation>Erstattung an den Kunden: {amount} ({state})</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="660"/>
        <source>Cancellation: {text}</source>
        <translation>Stornierung: {text}</translation>
    </message>
</context>
<context>
    <name>core.chargebacks.words</name>
    <message>
        <location filename="dynamic_texts.py" line="661"/>
        <source>Show the order, the shipment with its tracking, the refund policy and every contact with the customer.</source>
        <translation>Zeigen Sie die Bestellung, den Versand mit Sendungsverfolgung, die Erstattungsrichtlinie und jeden Kontakt mit dem Kunden.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="662"/>
        <source>Card holder says they did not make the payment</source>
        <translation>Karteninhaber sagt, er habe die Zahlung nicht veranlasst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="663"/>
        <source>No reason given (ask the customer)</source>
        <translation>Kein Grund genannt (beim Kunden nachfragen)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="664"/>
        <source>Customer does not recognise the payment</source>
        <translation>Kunde erkennt die Abbuchung nicht</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="665"/>
        <source>Customer says they were charged twice</source>
        <translation>Kunde sagt, doppelt belastet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="666"/>
        <source>Charged after a subscription was cancelled</source>
        <translation>Belastet nach Kündigung eines Abos</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="667"/>
        <source>Item defective, damaged or not as described</source>
        <translation>Artikel defekt, beschädigt oder nicht wie beschrieben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="668"/>
        <source>Customer says the item never arrived</source>
        <translation>Kunde sagt, der Artikel sei nie angekommen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="669"/>
        <source>Customer says a promised refund did not come</source>
        <translation>Kunde sagt, eine zugesagte Erstattung sei nicht gekommen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="670"/>
        <source>Wrong account details at the bank</source>
        <translation>Falsche Kontodaten bei der Bank</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="671"/>
        <source>Not enough money on the account</source>
        <translation>Konto nicht gedeckt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="672"/>
        <source>The customer&apos;s bank cannot process the payment</source>
        <translation>Die Bank des Kunden kann die Zahlung nicht verarbeiten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="673"/>
        <source>Direct debit not authorised by the customer</source>
        <translation>Lastschrift vom Kunden nicht autorisiert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="674"/>
        <source>Customer disputed the payment (ask them why)</source>
        <translation>Kunde hat die Zahlung angefochten (nach dem Grund fragen)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="675"/>
        <source>The bank says the payment broke card network rules</source>
        <translation>Die Bank sagt, die Zahlung verstoße gegen Kartennetz-Regeln</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="676"/>
        <source>Needs your evidence</source>
        <translation>Wartet auf Ihre Nachweise</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="677"/>
        <source>Evidence sent: bank deciding</source>
        <translation>Nachweise gesendet: Bank entscheidet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="678"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="679"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="680"/>
        <source>Accepted (not contested)</source>
        <translation>Akzeptiert (nicht angefochten)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="681"/>
        <source>Prevented (no chargeback)</source>
        <translation>Abgewendet (keine Rückbuchung)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="682"/>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="683"/>
        <source>Chargeback</source>
        <translation>Rückbuchung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="684"/>
        <source>Inquiry</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="685"/>
        <source>Show that the parcel shipped to the customer&apos;s address and was delivered: carrier, tracking number and the carrier&apos;s delivery event.</source>
        <translation>Zeigen Sie, dass das Paket an die Adresse des Kunden ging und zugestellt wurde: Versanddienst, Sendungsnummer und das Zustellereignis.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="686"/>
        <source>Show the product as described, the refund policy the customer accepted, and that the customer did not return the item or ask for a return.</source>
        <translation>Zeigen Sie den Artikel wie beschrieben, die akzeptierten Rückgabebedingungen und dass der Kunde den Artikel nicht zurückgeschickt oder keine Rückgabe verlangt hat.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="687"/>
        <source>Show the refund already made, or why none is owed under the refund policy.</source>
        <translation>Zeigen Sie die bereits geleistete Erstattung oder warum laut Erstattungsrichtlinie keine fällig ist.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="688"/>
        <source>Show that the order shipped to the card holder&apos;s address and any contact with them.</source>
        <translation>Zeigen Sie, dass an die Adresse des Karteninhabers versandt wurde, und jeden Kontakt mit ihm.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="689"/>
        <source>Show the order, what was shipped where, and the name the payment appears under.</source>
        <translation>Zeigen Sie die Bestellung, was wohin versandt wurde, und unter welchem Namen die Abbuchung erscheint.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="690"/>
        <source>Show that each payment belongs to a separate order.</source>
        <translation>Zeigen Sie, dass jede Zahlung zu einer eigenen Bestellung gehört.</translation>
    </message>
</context>
<context>
    <name>core.connections</name>
    <message>
        <location filename="dynamic_texts.py" line="691"/>
        <source>Enter the app&apos;s client ID (Dev Dashboard &gt; your app &gt; Settings).</source>
        <translation>Geben Sie die Client-ID der App ein (Dev Dashboard &gt; Ihre App &gt; Settings).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="692"/>
        <source>No client secret is stored for {domain}. Paste the app&apos;s client secret.</source>
        <translation>Für {domain} ist kein Client-Secret gespeichert. Fügen Sie das Client-Secret der App ein.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="693"/>
        <source>Paste the app secret from the AliExpress Open Platform.</source>
        <translation>Fügen Sie das App-Secret aus der AliExpress Open Platform ein.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="694"/>
        <source>AliExpress is not connected. Connect it in Connections.</source>
        <translation>AliExpress ist nicht verbunden. Verbinden Sie es unter Verbindungen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="695"/>
        <source>The AliExpress tokens are missing from the keyring. Connect AliExpress again.</source>
        <translation>Die AliExpress-Tokens fehlen im Schlüsselbund. Verbinden Sie AliExpress erneut.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="696"/>
        <source>The AliExpress connection has expired. Connect AliExpress again to continue.</source>
        <translation>Die Verbindung zu AliExpress ist abgelaufen. Verbinden Sie AliExpress erneut, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="697"/>
        <source>No access token is stored for {domain}. Paste the Admin API access token (it starts with &apos;shpat_&apos;).</source>
        <translation>Für {domain} ist kein Zugriffstoken gespeichert. Fügen Sie das Admin-API-Zugriffstoken ein (es beginnt mit &apos;shpat_&apos;).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="698"/>
        <source>There is no shop {shop_id} in the ledger.</source>
        <translation>Im Auftragsbuch gibt es keinen Shop {shop_id}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="699"/>
        <source>Shop {shop_id}</source>
        <translation>Shop {shop_id}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="700"/>
        <source>{name} is not connected. Add its access token in Connections.</source>
        <translation>{name} ist nicht verbunden. Hinterlegen Sie sein Zugriffstoken unter Verbindungen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="701"/>
        <source>The connection failed ({kind}). Check the internet connection.</source>
        <translation>Die Verbindung ist fehlgeschlagen ({kind}). Prüfen Sie die Internetverbindung.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="702"/>
        <source>Something went wrong ({name}: {error}).</source>
        <translation>Etwas ist schiefgegangen ({name}: {error}).</translation>
    </message>
</context>
<context>
    <name>core.deadline_entries</name>
    <message>
        <location filename="dynamic_texts.py" line="703"/>
        <source> (estimated)</source>
        <translation> (geschätzt)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="704"/>
        <source>Order it from the supplier</source>
        <translation>Beim Lieferanten bestellen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="705"/>
        <source>The supplier&apos;s ship window closes</source>
        <translation>Das Versandfenster des Lieferanten endet</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="706"/>
        <source>The supplier&apos;s answer to the cancel request is due</source>
        <translation>Die Antwort des Lieferanten auf die Stornierungsanfrage ist fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="707"/>
        <source>The supplier&apos;s tracking number is due</source>
        <translation>Die Sendungsnummer des Lieferanten ist fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="708"/>
        <source>The dispute&apos;s next step is due (escalate it)</source>
        <translation>Der nächste Schritt im Streitfall ist fällig (eskalieren)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="709"/>
        <source>The supplier&apos;s refund should have arrived</source>
        <translation>Die Erstattung des Lieferanten müsste eingegangen sein</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="710"/>
        <source>AliExpress&apos; purchase protection ends: open a dispute before</source>
        <translation>Der AliExpress-Käuferschutz endet: vorher einen Streitfall eröffnen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="711"/>
        <source>Refund the customer&apos;s withdrawal</source>
        <translation>Den Widerruf des Kunden erstatten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="712"/>
        <source>Send the chargeback evidence</source>
        <translation>Nachweise zur Rückbuchung einreichen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="713"/>
        <source>Request the cancellation on AliExpress before the order ships</source>
        <translation>Die Stornierung auf AliExpress anfragen, bevor die Bestellung versendet wird</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="714"/>
        <source>Cancel the order on Shopify: the customer waits for the refund</source>
        <translation>Die Bestellung in Shopify stornieren: Der Kunde wartet auf die Erstattung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="715"/>
        <source>Continue the cancellation: your next step is due</source>
        <translation>Stornierung fortsetzen: Ihr nächster Schritt ist fällig</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="716"/>
        <source>Refund the customer on Shopify: the customer waits for the money</source>
        <translation>Dem Kunden in Shopify erstatten: Der Kunde wartet auf das Geld</translation>
    </message>
</context>
<context>
    <name>core.deadlines</name>
    <message>
        <location filename="dynamic_texts.py" line="717"/>
        <source>Ship-by moved from {before} to {after}: calendar changed</source>
        <translation>Versandfrist verschoben von {before} auf {after}: Kalender geändert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="718"/>
        <source>{message} (estimated: no official holiday arrangement for that year yet)</source>
        <translation>{message} (geschätzt: für dieses Jahr gibt es noch keine amtliche Feiertagsregelung)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="719"/>
        <source>Deadline moved from {shown_moment} to {shown_moment2}: calendar changed</source>
        <translation>Frist verschoben von {shown_moment} auf {shown_moment2}: Kalender geändert</translation>
    </message>
</context>
<context>
    <name>core.imports.amounts</name>
    <message>
        <location filename="dynamic_texts.py" line="720"/>
        <source>not an amount: &quot;{text}&quot;</source>
        <translation>kein Betrag: &quot;{text}&quot;</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="721"/>
        <source>&quot;{text}&quot; has more decimals than {currency} has</source>
        <translation>&quot;{text}&quot; hat mehr Nachkommastellen als {currency}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="722"/>
        <source>&quot;{text}&quot; is too large to be an amount</source>
        <translation>&quot;{text}&quot; ist zu groß für einen Betrag</translation>
    </message>
</context>
<context>
    <name>core.imports.csv_source</name>
    <message>
        <location filename="dynamic_texts.py" line="723"/>
        <source>an Excel workbook (.xlsx)</source>
        <translation>eine Excel-Arbeitsmappe (.xlsx)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="724"/>
        <source>an old Excel workbook (.xls)</source>
        <translation>eine alte Excel-Arbeitsmappe (.xls)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="725"/>
        <source>the CSV breaks here ({text}); the rest of the file could not be read</source>
        <translation>die CSV-Datei bricht hier ab ({text}); der Rest der Datei ließ sich nicht lesen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="726"/>
        <source>{path_name} is not readable text: save it as CSV (UTF-8) and import it again.</source>
        <translation>{path_name} ist kein lesbarer Text: speichern Sie sie als CSV (UTF-8) und importieren Sie sie noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="727"/>
        <source>a field runs on for more than 128 KB: a quote (&quot;) opened here is probably never closed; the rest of the file could not be read</source>
        <translation>ein Feld ist länger als 128 KB: ein hier geöffnetes Anführungszeichen (&quot;) wird wohl nie geschlossen; der Rest der Datei ließ sich nicht lesen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="728"/>
        <source>{path_name} mixes text encodings; save it again as CSV (UTF-8) and retry.</source>
        <translation>{path_name} mischt Zeichenkodierungen; speichern Sie sie erneut als CSV (UTF-8) und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="729"/>
        <source>{path_name} cannot be read: its header (line {line_no}) is not a line of column names (one of them is longer than any column name can be).</source>
        <translation>{path_name} lässt sich nicht lesen: ihre Kopfzeile (Zeile {line_no}) ist keine Zeile mit Spaltennamen (einer davon ist länger, als ein Spaltenname sein kann).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="730"/>
        <source>{path_name} is empty.</source>
        <translation>{path_name} ist leer.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="731"/>
        <source>{path_name} cannot be read: {reason}.</source>
        <translation>{path_name} lässt sich nicht lesen: {reason}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="732"/>
        <source>{name} is {what}, not a CSV file. Export or save it as CSV.</source>
        <translation>{name} ist {what}, keine CSV-Datei. Exportieren oder speichern Sie sie als CSV.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="733"/>
        <source>{path_name} contains binary data, not CSV text.</source>
        <translation>{path_name} enthält Binärdaten, keinen CSV-Text.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="734"/>
        <source>{path_name} has no header line.</source>
        <translation>{path_name} hat keine Kopfzeile.</translation>
    </message>
</context>
<context>
    <name>core.imports.order_upsert</name>
    <message>
        <location filename="dynamic_texts.py" line="735"/>
        <source>order id {id} is order {name} of {owner} in the ledger and this import is for no shop: the other shop&apos;s order is left as it is</source>
        <translation>Bestell-ID {id} ist im Auftragsbuch Bestellung {name} von {owner}, und dieser Import ist für keinen Shop: die Bestellung des anderen Shops bleibt, wie sie ist</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="736"/>
        <source>order id {id} is order {name} of {owner} in the ledger and this import is for {target}: the other shop&apos;s order is left as it is</source>
        <translation>Bestell-ID {id} ist im Auftragsbuch Bestellung {name} von {owner}, und dieser Import ist für {target}: die Bestellung des anderen Shops bleibt, wie sie ist</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="737"/>
        <source>{count} orders in the ledger are named {name}; this file has no Id to tell them apart</source>
        <translation>{count} Bestellungen im Auftragsbuch heißen {name}; diese Datei hat keine Id, um sie zu unterscheiden</translation>
    </message>
</context>
<context>
    <name>core.imports.questions</name>
    <message>
        <location filename="dynamic_texts.py" line="738"/>
        <source>The file has no Currency column (an older export) and the ledger has no shop to take the currency from: which currency are its amounts in?</source>
        <translation>Die Datei hat keine Spalte Currency (ein älterer Export) und das Auftragsbuch keinen Shop, dessen Währung gelten könnte: in welcher Währung sind die Beträge?</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="739"/>
        <source>Dates like &quot;{example}&quot; (re-saved by a spreadsheet) can be read day-first or month-first, and no date in the file settles it: which is it?</source>
        <translation>Daten wie &quot;{example}&quot; (von einer Tabellenkalkulation neu gespeichert) lassen sich mit dem Tag oder dem Monat zuerst lesen, und kein Datum der Datei entscheidet es: was gilt?</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="740"/>
        <source>The ledger holds {len} shops ({join}) and an export does not say which one it is from: which shop is it?</source>
        <translation>Das Auftragsbuch enthält {len} Shops ({join}) und ein Export sagt nicht, aus welchem er stammt: welcher Shop ist es?</translation>
    </message>
</context>
<context>
    <name>core.imports.shop_target</name>
    <message>
        <location filename="dynamic_texts.py" line="741"/>
        <source>{file} looks like another shop&apos;s export: {collided} of its {with_id} orders belong to another shop in the ledger, and this import is for no shop. Nothing was imported. Choose the shop the export is from.</source>
        <translation>{file} sieht nach dem Export eines anderen Shops aus: {collided} seiner {with_id} Bestellungen gehören im Auftragsbuch zu einem anderen Shop, und dieser Import ist für keinen Shop. Nichts wurde importiert. Wählen Sie den Shop, aus dem der Export stammt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="742"/>
        <source>no shop</source>
        <translation>keinem Shop</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="743"/>
        <source>shop {shop_id}</source>
        <translation>Shop {shop_id}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="744"/>
        <source>There is no shop &quot;{named}&quot; in the ledger (its shops: {listed}).</source>
        <translation>Im Auftragsbuch gibt es keinen Shop &quot;{named}&quot; (seine Shops: {listed}).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="745"/>
        <source>{file} looks like another shop&apos;s export: {collided} of its {with_id} orders belong to another shop in the ledger, and this import is for {shop}. Nothing was imported. Choose the shop the export is from.</source>
        <translation>{file} sieht nach dem Export eines anderen Shops aus: {collided} seiner {with_id} Bestellungen gehören im Auftragsbuch zu einem anderen Shop, und dieser Import ist für {shop}. Nichts wurde importiert. Wählen Sie den Shop, aus dem der Export stammt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="746"/>
        <source>There is no shop &quot;{named}&quot; in the ledger (it has no shops).</source>
        <translation>Im Auftragsbuch gibt es keinen Shop &quot;{named}&quot; (es enthält keine Shops).</translation>
    </message>
</context>
<context>
    <name>core.imports.shopify_rows</name>
    <message>
        <location filename="dynamic_texts.py" line="747"/>
        <source>{source_path_name} is not a Shopify orders export: it has no &quot;Name&quot; column (the order number, e.g. #1001). In the Shopify admin use Orders &gt; Export.</source>
        <translation>{source_path_name} ist kein Bestellexport aus Shopify: es fehlt die Spalte &quot;Name&quot; (die Bestellnummer, z. B. #1001). Im Shopify-Admin: Bestellungen &gt; Exportieren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="748"/>
        <source>{source_path_name} is not a Shopify orders export: it has a Name column but none of Id, Total, Financial Status or Lineitem name.</source>
        <translation>{source_path_name} ist kein Bestellexport aus Shopify: es gibt eine Spalte Name, aber keine von Id, Total, Financial Status oder Lineitem name.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="749"/>
        <source>not an order id: &quot;{text}&quot; (a spreadsheet turned it into a rounded number)</source>
        <translation>keine Bestell-ID: &quot;{text}&quot; (eine Tabellenkalkulation hat daraus eine gerundete Zahl gemacht)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="750"/>
        <source>not an order id: &quot;{text}&quot;</source>
        <translation>keine Bestell-ID: &quot;{text}&quot;</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="751"/>
        <source>has {fields} fields where the header has {width}</source>
        <translation>hat {fields} Felder, die Kopfzeile hat {width}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="752"/>
        <source>no order name (empty)</source>
        <translation>kein Bestellname (leer)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="753"/>
        <source>no currency (empty), and the ledger has no shop to take it from</source>
        <translation>keine Währung (leer), und das Auftragsbuch hat keinen Shop, dessen Währung gelten könnte</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="754"/>
        <source>not a quantity: &quot;{text}&quot;</source>
        <translation>keine Menge: &quot;{text}&quot;</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="755"/>
        <source>order {name} not imported: its rows may go on in the part of the file that could not be read (from line {line})</source>
        <translation>Bestellung {name} nicht importiert: ihre Zeilen gehen vielleicht im Teil der Datei weiter, der sich nicht lesen ließ (ab Zeile {line})</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="756"/>
        <source>not a currency code: &quot;{cell}&quot;</source>
        <translation>kein Währungscode: &quot;{cell}&quot;</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="757"/>
        <source>order {name} already appeared on line {first}: the rows of one order must be next to each other</source>
        <translation>Bestellung {name} stand schon in Zeile {first}: die Zeilen einer Bestellung müssen aufeinander folgen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="758"/>
        <source>no row of order {name} has its order details ({wanted} are empty): was the file sorted or cut?</source>
        <translation>keine Zeile der Bestellung {name} enthält ihre Bestelldaten ({wanted} sind leer): wurde die Datei sortiert oder gekürzt?</translation>
    </message>
</context>
<context>
    <name>core.imports.summary</name>
    <message>
        <location filename="dynamic_texts.py" line="759"/>
        <source>day-first</source>
        <translation>Tag zuerst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="760"/>
        <source>month-first</source>
        <translation>Monat zuerst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="761"/>
        <source>as the file shows</source>
        <translation>wie die Datei zeigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="762"/>
        <source>as you said</source>
        <translation>wie angegeben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="763"/>
        <source>as your locale writes dates</source>
        <translation>wie Ihr Gebietsschema Daten schreibt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="764"/>
        <source>to be confirmed</source>
        <translation>noch zu bestätigen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="765"/>
        <source>the shop&apos;s currency in the ledger</source>
        <translation>die Währung des Shops im Auftragsbuch</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="766"/>
        <source>Orders of shop {shop}.</source>
        <translation>Bestellungen des Shops {shop}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="767"/>
        <source>No Currency column: amounts read in {currency} ({source}).</source>
        <translation>Keine Spalte Currency: Beträge in {currency} gelesen ({source}).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="768"/>
        <source>line {line}: {cell}</source>
        <translation>Zeile {line}: {cell}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="769"/>
        <source>Dates read {order} ({how}).</source>
        <translation>Daten mit {order} gelesen ({how}).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="770"/>
        <source>Times without a UTC offset read in {time_zone} (your time zone in the settings; the ledger does not know the shop&apos;s).</source>
        <translation>Zeiten ohne UTC-Versatz in {time_zone} gelesen (Ihre Zeitzone aus den Einstellungen; die des Shops kennt das Auftragsbuch nicht).</translation>
    </message>
</context>
<context>
    <name>core.imports.timestamps</name>
    <message>
        <location filename="dynamic_texts.py" line="771"/>
        <source>not a date: &quot;{text}&quot;</source>
        <translation>kein Datum: &quot;{text}&quot;</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="772"/>
        <source>&quot;{text}&quot;: day and month cannot be told apart</source>
        <translation>&quot;{text}&quot;: Tag und Monat lassen sich nicht unterscheiden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="773"/>
        <source>not a date when read month-first: &quot;{text}&quot;</source>
        <translation>kein Datum, wenn Monat zuerst gelesen: &quot;{text}&quot;</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="774"/>
        <source>not a date when read day-first: &quot;{text}&quot;</source>
        <translation>kein Datum, wenn Tag zuerst gelesen: &quot;{text}&quot;</translation>
    </message>
</context>
<context>
    <name>core.ledger.backup</name>
    <message>
        <location filename="dynamic_texts.py" line="775"/>
        <source>{value} days ago</source>
        <translation>vor {value} Tagen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="776"/>
        <source>{last} (its last change; {copied})</source>
        <translation>{last} (letzte Änderung; {copied})</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="777"/>
        <source>The latest verified backup, {path_name}, is from {when}.</source>
        <translation>Die neueste geprüfte Sicherung, {path_name}, stammt vom {when}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="778"/>
        <source>less than an hour ago</source>
        <translation>vor weniger als einer Stunde</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="779"/>
        <source>{hours} hours ago</source>
        <translation>vor {hours} Stunden</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="780"/>
        <source>the copy&apos;s file time lies in the future: the clock was wrong then</source>
        <translation>die Dateizeit der Kopie liegt in der Zukunft: die Uhr ging damals falsch</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="781"/>
        <source>copied {age}</source>
        <translation>{age} kopiert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="782"/>
        <source>{date} ({copied})</source>
        <translation>{date} ({copied})</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="783"/>
        <source>an hour ago</source>
        <translation>vor einer Stunde</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="784"/>
        <source>The backup of {path_name} failed its check ({problems}) and was removed; {path_name} itself may be damaged.</source>
        <translation>Die Sicherung von {path_name} hat die Prüfung nicht bestanden ({problems}) und wurde entfernt; {path_name} selbst ist vielleicht beschädigt.</translation>
    </message>
</context>
<context>
    <name>core.ledger.errors</name>
    <message>
        <location filename="dynamic_texts.py" line="785"/>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="786"/>
        <source>Dropdesk could not save to {name}: {reason}. Nothing of this change was saved. Free some space and try again.</source>
        <translation>Dropdesk konnte {name} nicht speichern: {reason}. Von dieser Änderung wurde nichts gespeichert. Schaffen Sie Platz und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="787"/>
        <source>the disk could not be written to (it may be full, or the file too large)</source>
        <translation>auf den Datenträger ließ sich nicht schreiben (er ist vielleicht voll, oder die Datei zu groß)</translation>
    </message>
</context>
<context>
    <name>core.ledger.migrate</name>
    <message>
        <location filename="dynamic_texts.py" line="788"/>
        <source>{path_name} was written by a newer Dropdesk (schema {current}). Update Dropdesk to open it; this version will not touch it.</source>
        <translation>{path_name} stammt von einem neueren Dropdesk (Schema {current}). Aktualisieren Sie Dropdesk, um es zu öffnen; diese Version verändert es nicht.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="789"/>
        <source>{path_name} was not upgraded: rows of {table} would refer to missing rows. The ledger was left as it was.</source>
        <translation>{path_name} wurde nicht aktualisiert: Zeilen von {table} würden auf fehlende Zeilen verweisen. Das Auftragsbuch blieb, wie es war.</translation>
    </message>
</context>
<context>
    <name>core.ledger.server</name>
    <message>
        <location filename="dynamic_texts.py" line="790"/>
        <source>The database {address_database} on {address_host} holds tables of another program, not a Dropdesk ledger. Name an empty database (Dropdesk makes its tables there) or one that holds a Dropdesk ledger.</source>
        <translation>Die Datenbank {address_database} auf {address_host} enthält Tabellen eines anderen Programms, kein Dropdesk-Auftragsbuch. Nennen Sie eine leere Datenbank (Dropdesk legt dort seine Tabellen an) oder eine mit einem Dropdesk-Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="791"/>
        <source>Dropdesk could not open the ledger at {address_url}: {detail}. Check that the server runs and can be reached from this computer.</source>
        <translation>Dropdesk konnte das Auftragsbuch unter {address_url} nicht öffnen: {detail}. Prüfen Sie, ob der Server läuft und von diesem Computer aus erreichbar ist.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="792"/>
        <source>The server refused the password of {address_user} for {address_url}. Enter it again (it is kept in the system keyring).</source>
        <translation>Der Server hat das Passwort von {address_user} für {address_url} abgelehnt. Geben Sie es noch einmal ein (es wird im Schlüsselbund des Systems aufbewahrt).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="793"/>
        <source>{address_url} needs an upgrade to this Dropdesk version, and this command only reads: open it once in the Dropdesk app, then run the command again.</source>
        <translation>{address_url} muss für diese Dropdesk-Version aktualisiert werden, und dieser Befehl liest nur: öffnen Sie es einmal in der Dropdesk-App, dann starten Sie den Befehl noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="794"/>
        <source>{address_url} was written by a newer Dropdesk (schema {current}). Update Dropdesk to open it; this version will not touch it.</source>
        <translation>{address_url} stammt von einem neueren Dropdesk (Schema {current}). Aktualisieren Sie Dropdesk, um es zu öffnen; diese Version verändert es nicht.</translation>
    </message>
</context>
<context>
    <name>core.ledger.server_address</name>
    <message>
        <location filename="dynamic_texts.py" line="795"/>
        <source>{shown} is not a PostgreSQL ledger address: {why}.</source>
        <translation>{shown} ist keine PostgreSQL-Adresse eines Auftragsbuchs: {why}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="796"/>
        <source>it does not start with postgresql://</source>
        <translation>es beginnt nicht mit postgresql://</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="797"/>
        <source>{shown}: the password does not belong in the address, where it would be stored and shown. Leave it out: Dropdesk asks for it once and keeps it in the system keyring (`dropdesk ledger password ADDRESS`).</source>
        <translation>{shown}: das Passwort gehört nicht in die Adresse, wo es gespeichert und angezeigt würde. Lassen Sie es weg: Dropdesk fragt einmal danach und bewahrt es im Schlüsselbund des Systems auf (`dropdesk ledger password ADRESSE`).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="798"/>
        <source>unknown option {option!r}</source>
        <translation>unbekannte Option {option!r}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="799"/>
        <source>name the database user (postgresql://user@host/database)</source>
        <translation>nennen Sie den Datenbankbenutzer (postgresql://benutzer@host/datenbank)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="800"/>
        <source>name the database (postgresql://user@host/database)</source>
        <translation>nennen Sie die Datenbank (postgresql://benutzer@host/datenbank)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="801"/>
        <source>name the server (postgresql://user@host/database)</source>
        <translation>nennen Sie den Server (postgresql://benutzer@host/datenbank)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="802"/>
        <source>the port is not a number</source>
        <translation>der Port ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>core.ledger.server_backup</name>
    <message>
        <location filename="dynamic_texts.py" line="803"/>
        <source>Backups of a server ledger</source>
        <translation>Sicherungen eines Auftragsbuchs auf einem Server</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="804"/>
        <source>Dropdesk makes no daily backup of a ledger on a server: backing it up is the server&apos;s job. Run this every day (for example from cron):

{command}

or use your provider&apos;s snapshots. Dropdesk will not say this again.</source>
        <translation>Von einem Auftragsbuch auf einem Server legt Dropdesk keine tägliche Sicherung an: die Sicherung ist Sache des Servers. Führen Sie dies täglich aus (zum Beispiel per cron):

{command}

oder nutzen Sie die Snapshots Ihres Anbieters. Dropdesk sagt dies nicht noch einmal.</translation>
    </message>
</context>
<context>
    <name>core.ledger.server_password</name>
    <message>
        <location filename="dynamic_texts.py" line="805"/>
        <source>The server asks for the password of {address_user}, and none is stored for {address_url}. Enter it once: `dropdesk ledger password {address_url}` (or File &gt; Open server ledger in the window); Dropdesk keeps it in the system keyring.</source>
        <translation>Der Server verlangt das Passwort von {address_user}, und für {address_url} ist keines gespeichert. Geben Sie es einmal ein: `dropdesk ledger password {address_url}` (oder Datei &gt; Server-Auftragsbuch öffnen im Fenster); Dropdesk bewahrt es im Schlüsselbund des Systems auf.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="806"/>
        <source>The password of {address_url} is kept in the system keyring, which cannot be read: {keyring_problem}</source>
        <translation>Das Passwort von {address_url} liegt im Schlüsselbund des Systems, der sich nicht lesen lässt: {keyring_problem}</translation>
    </message>
</context>
<context>
    <name>core.ledger.store</name>
    <message>
        <location filename="dynamic_texts.py" line="807"/>
        <source>{path_name} is open in another Dropdesk window (perhaps under another name or folder). Switch to that window, or close it and try again.</source>
        <translation>{path_name} ist in einem anderen Dropdesk-Fenster geöffnet (vielleicht unter einem anderen Namen oder Ordner). Wechseln Sie in jenes Fenster, oder schließen Sie es und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="808"/>
        <source>{path_name} cannot be written (read-only: {reason}). It is not damaged: commands that only read, such as `dropdesk due`, still work. To work on it, copy it to a folder you may write to, or make it writable.</source>
        <translation>{path_name} lässt sich nicht schreiben (schreibgeschützt: {reason}). Es ist nicht beschädigt: Befehle, die nur lesen, wie `dropdesk due`, funktionieren weiter. Um damit zu arbeiten, kopieren Sie es in einen Ordner, in den Sie schreiben dürfen, oder machen Sie es beschreibbar.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="809"/>
        <source>{path_name} is damaged: its table definitions are garbled.</source>
        <translation>{path_name} ist beschädigt: seine Tabellendefinitionen sind unlesbar.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="810"/>
        <source>{path_name} is damaged: {error}</source>
        <translation>{path_name} ist beschädigt: {error}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="811"/>
        <source>{path} is a folder, not a ledger file.</source>
        <translation>{path} ist ein Ordner, kein Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="812"/>
        <source>There is no ledger at {path}.</source>
        <translation>Unter {path} liegt kein Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="813"/>
        <source>{path_name} needs an upgrade to this Dropdesk version, and this command only reads: open it once in the Dropdesk app, which upgrades it (after a backup), then run the command again. The file was not changed.</source>
        <translation>{path_name} muss für diese Dropdesk-Version aktualisiert werden, und dieser Befehl liest nur: öffnen Sie es einmal in der Dropdesk-App, die es (nach einer Sicherung) aktualisiert, und starten Sie den Befehl dann noch einmal. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="814"/>
        <source>{path_name} is not a Dropdesk ledger (not an SQLite file).</source>
        <translation>{path_name} ist kein Dropdesk-Auftragsbuch (keine SQLite-Datei).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="815"/>
        <source>{path_name} is an SQLite file of another program, not a Dropdesk ledger.</source>
        <translation>{path_name} ist eine SQLite-Datei eines anderen Programms, kein Dropdesk-Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="816"/>
        <source>{path_name} is damaged ({value}). Dropdesk writes nothing to it: restore the latest backup, or open another ledger.</source>
        <translation>{path_name} ist beschädigt ({value}). Dropdesk schreibt nichts hinein: stellen Sie die neueste Sicherung wieder her, oder öffnen Sie ein anderes Auftragsbuch.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="817"/>
        <source>{path_name} cannot be opened: it cannot be locked ({reason}).</source>
        <translation>{path_name} lässt sich nicht öffnen: es lässt sich nicht sperren ({reason}).</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="818"/>
        <source>{path_name} was written by a newer Dropdesk (schema {revision}). Update Dropdesk to read it; this version will not touch it.</source>
        <translation>{path_name} stammt von einem neueren Dropdesk (Schema {revision}). Aktualisieren Sie Dropdesk, um es zu lesen; diese Version verändert es nicht.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="819"/>
        <source>read-only file system</source>
        <translation>schreibgeschütztes Dateisystem</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="820"/>
        <source>no permission to change it</source>
        <translation>keine Berechtigung, es zu ändern</translation>
    </message>
</context>
<context>
    <name>core.ledger.sync_folder</name>
    <message>
        <location filename="dynamic_texts.py" line="821"/>
        <source>{path_name} is in a {service} folder. {service} copies the ledger while Dropdesk writes it, which can damage it or split it into conflicting copies, above all when two computers use it. Keep the ledger in a folder that is not synced (Dropdesk backs it up daily). To work from two computers, put the ledger on a PostgreSQL server: `dropdesk ledger copy` moves it there, then open postgresql://user@host/database.</source>
        <translation>{path_name} liegt in einem {service}-Ordner. {service} kopiert das Auftragsbuch, während Dropdesk hineinschreibt; das kann es beschädigen oder in widersprüchliche Kopien aufspalten, vor allem wenn zwei Computer es benutzen. Legen Sie das Auftragsbuch in einen Ordner, der nicht synchronisiert wird (Dropdesk sichert es täglich). Um von zwei Computern aus zu arbeiten, legen Sie es auf einen PostgreSQL-Server: `dropdesk ledger copy` bringt es dorthin, dann öffnen Sie postgresql://benutzer@host/datenbank.</translation>
    </message>
</context>
<context>
    <name>core.ledger.transfer</name>
    <message>
        <location filename="dynamic_texts.py" line="822"/>
        <source>{target_location} already holds rows (table {table}): a ledger is copied only into an empty one. Nothing was changed.</source>
        <translation>{target_location} enthält bereits Zeilen (Tabelle {table}): ein Auftragsbuch wird nur in ein leeres kopiert. Nichts wurde verändert.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="823"/>
        <source>The copy of table {table_name} differs from the original ({difference}); nothing was kept in {target_location}.</source>
        <translation>Die Kopie der Tabelle {table_name} weicht vom Original ab ({difference}); in {target_location} wurde nichts behalten.</translation>
    </message>
</context>
<context>
    <name>core.ledger.wal_watch</name>
    <message>
        <location filename="dynamic_texts.py" line="824"/>
        <source>Another program deleted {wal}, the file where {path_name} keeps its latest changes, while Dropdesk was open. Changes saved since Dropdesk opened the ledger may be lost; this change was not made. Close Dropdesk, check the orders, and restore the latest backup if some are missing.</source>
        <translation>Ein anderes Programm hat {wal} gelöscht, die Datei, in der {path_name} seine letzten Änderungen hält, während Dropdesk geöffnet war. Seit dem Öffnen gespeicherte Änderungen sind vielleicht verloren; diese Änderung wurde nicht ausgeführt. Schließen Sie Dropdesk, prüfen Sie die Aufträge, und stellen Sie die neueste Sicherung wieder her, falls welche fehlen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="825"/>
        <source>Another program deleted {wal}, the file where {path_name} keeps its latest changes, while Dropdesk was open. Dropdesk copied the saved changes back into the ledger; this change was not made. Close Dropdesk and open it again, and keep cleaning or sync tools away from the files beside the ledger.</source>
        <translation>Ein anderes Programm hat {wal} gelöscht, die Datei, in der {path_name} seine letzten Änderungen hält, während Dropdesk geöffnet war. Dropdesk hat die gespeicherten Änderungen in das Auftragsbuch zurückgeschrieben; diese Änderung wurde nicht ausgeführt. Schließen Sie Dropdesk und öffnen Sie es erneut, und halten Sie Reinigungs- oder Sync-Programme von den Dateien neben dem Auftragsbuch fern.</translation>
    </message>
</context>
<context>
    <name>core.linking</name>
    <message>
        <location filename="dynamic_texts.py" line="826"/>
        <source>The AliExpress order number pattern in Settings matches empty text.</source>
        <translation>Das Muster für AliExpress-Bestellnummern in den Einstellungen passt auf leeren Text.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="827"/>
        <source>The AliExpress order number pattern in Settings is not valid ({error}).</source>
        <translation>Das Muster für AliExpress-Bestellnummern in den Einstellungen ist ungültig ({error}).</translation>
    </message>
</context>
<context>
    <name>core.notices</name>
    <message>
        <location filename="dynamic_texts.py" line="828"/>
        <source>This message needs {what}.</source>
        <translation>Diese Nachricht braucht {what}.</translation>
    </message>
</context>
<context>
    <name>core.outgoing</name>
    <message>
        <location filename="dynamic_texts.py" line="829"/>
        <source>No message template {key!r}.</source>
        <translation>Keine Nachrichtenvorlage {key!r}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="830"/>
        <source>The message {key!r} needs {join}.</source>
        <translation>Die Nachricht {key!r} braucht {join}.</translation>
    </message>
</context>
<context>
    <name>core.paths</name>
    <message>
        <location filename="dynamic_texts.py" line="831"/>
        <source>Dropdesk cannot use its folder {path}: {reason}. Set DROPDESK_HOME (or --ledger) to a folder you can write to.</source>
        <translation>Dropdesk kann seinen Ordner {path} nicht benutzen: {reason}. Setzen Sie DROPDESK_HOME (oder --ledger) auf einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="832"/>
        <source>{blocker} is a file, not a folder</source>
        <translation>{blocker} ist eine Datei, kein Ordner</translation>
    </message>
</context>
<context>
    <name>core.policy</name>
    <message>
        <location filename="dynamic_texts.py" line="833"/>
        <source>A policy needs at least one supplier to rely on.</source>
        <translation>Eine Richtlinie braucht mindestens einen Lieferanten, auf den sie sich stützt.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="834"/>
        <source>The policy needs an e-mail address customers can write to.</source>
        <translation>Die Richtlinie braucht eine E-Mail-Adresse, an die Kunden schreiben können.</translation>
    </message>
</context>
<context>
    <name>core.protection</name>
    <message>
        <location filename="dynamic_texts.py" line="835"/>
        <source>After opening: the supplier answers within the dispute; from the 3rd day you can escalate it to AliExpress; unresolved after 15 days it goes to AliExpress&apos; case team by itself.</source>
        <translation>Nach dem Öffnen antwortet der Lieferant im Streitfall; ab dem 3. Tag können Sie an AliExpress eskalieren; ist er nach 15 Tagen nicht gelöst, geht er von selbst an das Fallteam von AliExpress.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="836"/>
        <source>If tracking shows the parcel left only after the day you opened the dispute, say so: it was not shipped when you complained, and you are owed the money back.</source>
        <translation>Zeigt die Sendungsverfolgung, dass das Paket erst nach dem Tag Ihrer Beschwerde verschickt wurde, schreiben Sie das dazu: Es war nicht versandt, als Sie sich beschwert haben, und Ihnen steht das Geld zu.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="837"/>
        <source>AliExpress protection of {order} ends {end}: not delivered yet? Ask the supplier to extend it, or open a dispute before then.</source>
        <translation>Der Käuferschutz von {order} endet {end}: noch nicht zugestellt? Bitten Sie den Lieferanten um Verlängerung oder öffnen Sie vorher einen Streitfall.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="838"/>
        <source>AliExpress protection of {order} ends {end}: not delivered yet? Ask {supplier} to extend it, or open a dispute before then.</source>
        <translation>Der Käuferschutz von {order} endet {end}: noch nicht zugestellt? Bitten Sie {supplier} um Verlängerung oder öffnen Sie vorher einen Streitfall.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="839"/>
        <source>Write to the supplier first and ask where the parcel is; if it is still on its way, ask them to extend the protection.</source>
        <translation>Schreiben Sie zuerst dem Lieferanten und fragen Sie, wo das Paket ist; ist es noch unterwegs, bitten Sie um Verlängerung des Käuferschutzes.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="840"/>
        <source>Before protection ends, open the dispute on the order page: reason “Order not received”, full refund.</source>
        <translation>Öffnen Sie den Streitfall vor Ende des Käuferschutzes auf der Bestellseite: Grund „Bestellung nicht erhalten“, volle Erstattung.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="841"/>
        <source>The tracking number and a screenshot of its latest carrier events</source>
        <translation>Die Sendungsnummer und ein Bildschirmfoto der letzten Ereignisse beim Versanddienst</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="842"/>
        <source>The customer&apos;s written statement that nothing arrived</source>
        <translation>Die schriftliche Aussage des Kunden, dass nichts angekommen ist</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="843"/>
        <source>Your messages with the supplier (screenshots)</source>
        <translation>Ihre Nachrichten mit dem Lieferanten (Bildschirmfotos)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="844"/>
        <source>For a parcel held by customs: the customs office&apos;s written reason</source>
        <translation>Bei einem vom Zoll zurückgehaltenen Paket: die schriftliche Begründung des Zollamts</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="845"/>
        <source>Ask the customer for photos or a short video before anything is sent back.</source>
        <translation>Bitten Sie den Kunden um Fotos oder ein kurzes Video, bevor etwas zurückgeschickt wird.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="846"/>
        <source>Open the dispute on the order page: reason “Not as described” (or “Damaged”), list every difference from the listing, full or partial refund.</source>
        <translation>Öffnen Sie den Streitfall auf der Bestellseite: Grund „Nicht wie beschrieben“ (oder „Beschädigt“), nennen Sie jeden Unterschied zum Angebot, volle oder teilweise Erstattung.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="847"/>
        <source>Clear photos of the item and of its labels; for more than one piece, all of them</source>
        <translation>Deutliche Fotos des Artikels und seiner Etiketten; bei mehreren Stück alle</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="848"/>
        <source>A wrong size: the item flat beside a ruler, and the size label</source>
        <translation>Falsche Größe: der Artikel flach neben einem Maßband, dazu das Größenetikett</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="849"/>
        <source>Something that does not work: a video showing it</source>
        <translation>Etwas funktioniert nicht: ein Video, das es zeigt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="850"/>
        <source>A screenshot of the product page as you bought it</source>
        <translation>Ein Bildschirmfoto der Produktseite, wie Sie gekauft haben</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="851"/>
        <source>Damaged packaging: photos, and a claim with the local carrier</source>
        <translation>Beschädigte Verpackung: Fotos und eine Reklamation beim Zusteller</translation>
    </message>
</context>
<context>
    <name>core.rates</name>
    <message>
        <location filename="dynamic_texts.py" line="852"/>
        <source>1 {source} = {value} {target} (ECB, {day})</source>
        <translation>1 {source} = {value} {target} (EZB, {day})</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="853"/>
        <source>1 {source} = {value} {target} (set by hand)</source>
        <translation>1 {source} = {value} {target} (von Hand gesetzt)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="854"/>
        <source>1 {source} = {value} {target}</source>
        <translation>1 {source} = {value} {target}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="855"/>
        <source>1 {source} = {value} {target} (ECB, {day}, the latest rate known)</source>
        <translation>1 {source} = {value} {target} (EZB, {day}, der neueste bekannte Kurs)</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="856"/>
        <source>{code!r} is not a currency code like EUR or USD.</source>
        <translation>{code!r} ist kein Währungscode wie EUR oder USD.</translation>
    </message>
</context>
<context>
    <name>core.review</name>
    <message>
        <location filename="dynamic_texts.py" line="857"/>
        <source>{latest}; the rate of each day, {days} days from {first}</source>
        <translation>{latest}; der Kurs jedes Tages, {days} Tage ab {first}</translation>
    </message>
</context>
<context>
    <name>core.shopify.client</name>
    <message>
        <location filename="dynamic_texts.py" line="858"/>
        <source>Shopify ({shop}) refused the access token. Check that it is the Admin API access token of the app installed in this shop (it starts with &apos;shpat_&apos;) and that the app is still installed.</source>
        <translation>Shopify ({shop}) hat das Zugriffstoken abgelehnt. Prüfen Sie, ob es das Admin-API-Zugriffstoken der in diesem Shop installierten App ist (es beginnt mit &apos;shpat_&apos;) und ob die App noch installiert ist.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="859"/>
        <source>Shopify ({shop}) refused Dropdesk&apos;s request (HTTP {status}{detail}). This is a bug in Dropdesk or a change in Shopify&apos;s API; please report it.</source>
        <translation>Shopify ({shop}) hat die Anfrage von Dropdesk abgelehnt (HTTP {status}{detail}). Das ist ein Fehler in Dropdesk oder eine Änderung an Shopifys API; bitte melden Sie ihn.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="860"/>
        <source>Shopify did not accept Dropdesk&apos;s &apos;{operation}&apos; request ({message}). This is a bug in Dropdesk or a change in Shopify&apos;s API; please report it.</source>
        <translation>Shopify hat die Anfrage &apos;{operation}&apos; von Dropdesk nicht angenommen ({message}). Das ist ein Fehler in Dropdesk oder eine Änderung der Shopify-API; bitte melden Sie es.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="861"/>
        <source>Shopify answered &apos;{operation}&apos; without data.</source>
        <translation>Shopify hat &apos;{operation}&apos; ohne Daten beantwortet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="862"/>
        <source>Refusing to send a Shopify request anywhere but https://{shop}.</source>
        <translation>Dropdesk sendet Shopify-Anfragen nur an https://{shop}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="863"/>
        <source>Shopify ({shop}) answered with a redirect to {target}. Dropdesk does not follow redirects, so the access token stays with your shop. Check the shop address.</source>
        <translation>Shopify ({shop}) hat mit einer Weiterleitung nach {target} geantwortet. Dropdesk folgt keinen Weiterleitungen, damit das Zugriffstoken bei Ihrem Shop bleibt. Prüfen Sie die Shop-Adresse.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="864"/>
        <source>Shopify ({shop}) could not be reached after {failures} attempts ({reason}). Check the internet connection and try again later.</source>
        <translation>Shopify ({shop}) war nach {failures} Versuchen nicht erreichbar ({reason}). Prüfen Sie die Internetverbindung und versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="865"/>
        <source>Shopify ({shop}) refused even a freshly issued access token. The app may have been uninstalled from the shop, or its access revoked.</source>
        <translation>Shopify ({shop}) hat sogar ein frisch ausgestelltes Zugriffstoken abgelehnt. Vielleicht wurde die App aus dem Shop entfernt oder ihr Zugriff widerrufen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="866"/>
        <source>The shop {shop} is frozen (Shopify says payment is required). Settle the bill in the Shopify admin, then try again.</source>
        <translation>Der Shop {shop} ist eingefroren (laut Shopify ist eine Zahlung fällig). Begleichen Sie die Rechnung im Shopify-Adminbereich und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="867"/>
        <source>Shopify denied this app access to {shop} (HTTP 403). The app may have been uninstalled, or it lacks a permission.</source>
        <translation>Shopify hat dieser App den Zugriff auf {shop} verweigert (HTTP 403). Vielleicht wurde die App entfernt, oder ihr fehlt eine Berechtigung.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="868"/>
        <source>No Shopify shop answers at {shop} (or API version {api_version} is unknown). Check the shop address.</source>
        <translation>Unter {shop} antwortet kein Shopify-Shop (oder die API-Version {api_version} ist unbekannt). Prüfen Sie die Shop-Adresse.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="869"/>
        <source>The shop {shop} is locked by Shopify. Check the Shopify admin for a notice.</source>
        <translation>Der Shop {shop} ist von Shopify gesperrt. Sehen Sie im Shopify-Adminbereich nach einem Hinweis.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="870"/>
        <source>Shopify ({shop}) answered &apos;{operation}&apos; with something that is not JSON; the change may or may not have been applied.</source>
        <translation>Shopify ({shop}) hat auf &apos;{operation}&apos; mit etwas geantwortet, das kein JSON ist; die Änderung wurde vielleicht ausgeführt, vielleicht nicht.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="871"/>
        <source>Shopify refused the client id and secret for {shop}{code}. Check both in the app&apos;s settings (Dev Dashboard) and that the app is installed in this shop.</source>
        <translation>Shopify hat Client-ID und Secret für {shop}{code} abgelehnt. Prüfen Sie beide in den Einstellungen der App (Dev Dashboard) und dass die App in diesem Shop installiert ist.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="872"/>
        <source>Shopify ({shop}) answered the token request without a token.</source>
        <translation>Shopify ({shop}) hat die Token-Anfrage ohne Token beantwortet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="873"/>
        <source>Shopify ({shop}) kept asking Dropdesk to slow down for over {max_throttle_wait:.0f} seconds. Try again in a few minutes.</source>
        <translation>Shopify ({shop}) hat Dropdesk über {max_throttle_wait:.0f} Sekunden lang gebeten, langsamer zu werden. Versuchen Sie es in ein paar Minuten noch einmal.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="874"/>
        <source>Shopify ({shop}) did not confirm the change &apos;{operation}&apos; ({reason}). It may or may not have been applied: Dropdesk reads the order again before trying anything else.</source>
        <translation>Shopify ({shop}) hat die Änderung &apos;{operation}&apos; nicht bestätigt ({reason}). Sie wurde vielleicht ausgeführt, vielleicht nicht: Dropdesk liest die Bestellung erneut, bevor es etwas anderes versucht.</translation>
    </message>
</context>
<context>
    <name>core.shopify.connection</name>
    <message>
        <location filename="dynamic_texts.py" line="875"/>
        <source>{client_shop} answered as {info_myshopify_domain}. Check the shop address.</source>
        <translation>{client_shop} hat als {info_myshopify_domain} geantwortet. Prüfen Sie die Shop-Adresse.</translation>
    </message>
</context>
<context>
    <name>core.shopify.denials</name>
    <message>
        <location filename="dynamic_texts.py" line="876"/>
        <source>Access to protected customer data is granted in the app&apos;s configuration (Shopify Dev Dashboard or Partner Dashboard: the app &gt; protected customer data access: select the data and the reasons, then release the version and install it again); apps used by other shops also need Shopify&apos;s approval. Access scopes do not grant it.</source>
        <translation>Der Zugriff auf geschützte Kundendaten wird in der Konfiguration der App gewährt (Shopify Dev Dashboard oder Partner Dashboard: die App &gt; Zugriff auf geschützte Kundendaten: Daten und Gründe auswählen, dann die Version veröffentlichen und neu installieren); Apps, die auch andere Shops nutzen, brauchen zudem Shopifys Freigabe. Zugriffsbereiche (Scopes) gewähren ihn nicht.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="877"/>
        <source>Shopify did not say which permission is missing. Check the app&apos;s access scopes (Dropdesk needs read_orders and write_orders, and read_all_orders for orders older than 60 days) and its protected customer data access in the app&apos;s configuration, then install the app again.</source>
        <translation>Shopify hat nicht gesagt, welche Berechtigung fehlt. Prüfen Sie die Zugriffsbereiche (Scopes) der App (Dropdesk braucht read_orders und write_orders, für Bestellungen älter als 60 Tage auch read_all_orders) und ihren Zugriff auf geschützte Kundendaten in der Konfiguration der App; installieren Sie die App danach erneut.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="878"/>
        <source>e-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="879"/>
        <source>customer name</source>
        <translation>Kundenname</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="880"/>
        <source>phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="881"/>
        <source>shipping address</source>
        <translation>Lieferadresse</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="882"/>
        <source>billing address</source>
        <translation>Rechnungsadresse</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="883"/>
        <source>Add {names} to the app&apos;s access scopes (the app&apos;s configuration in the Shopify admin or Dev Dashboard), then install the app again.</source>
        <translation>Fügen Sie {names} den Zugriffsbereichen (Scopes) der App hinzu (Konfiguration der App im Shopify-Adminbereich oder im Dev Dashboard) und installieren Sie die App danach erneut.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="884"/>
        <source>Shopify ({shop}) refused Dropdesk&apos;s app access for &apos;{operation}&apos;. {remedy}</source>
        <translation>Shopify ({shop}) hat der App von Dropdesk den Zugriff für &apos;{operation}&apos; verweigert. {remedy}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="885"/>
        <source>Shopify ({shop}) refused &apos;{operation}&apos;: Dropdesk&apos;s app lacks the access scope {names}. {remedy}</source>
        <translation>Shopify ({shop}) hat &apos;{operation}&apos; abgelehnt: Der App von Dropdesk fehlt der Zugriffsbereich {names}. {remedy}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="886"/>
        <source>Shopify ({shop}) refused &apos;{operation}&apos;: Dropdesk&apos;s app is not approved for protected customer data ({fields}). {remedy}</source>
        <translation>Shopify ({shop}) hat &apos;{operation}&apos; abgelehnt: Die App von Dropdesk ist für geschützte Kundendaten ({fields}) nicht freigegeben. {remedy}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="887"/>
        <source>Shopify withholds protected customer data from Dropdesk&apos;s app ({fields}); the orders were saved without it. {remedy}</source>
        <translation>Shopify hält geschützte Kundendaten vor der App von Dropdesk zurück ({fields}); die Bestellungen wurden ohne sie gespeichert. {remedy}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="888"/>
        <source>Shopify withheld {fields} because the app lacks the access scope {scopes}; the orders were saved without it. {remedy}</source>
        <translation>Shopify hat {fields} zurückgehalten, weil der App der Zugriffsbereich {scopes} fehlt; die Bestellungen wurden ohne diese Angaben gespeichert. {remedy}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="889"/>
        <source>Shopify withheld {fields}; the orders were saved without it. {remedy}</source>
        <translation>Shopify hat {fields} zurückgehalten; die Bestellungen wurden ohne diese Angaben gespeichert. {remedy}</translation>
    </message>
</context>
<context>
    <name>core.shopify.disputes</name>
    <message>
        <location filename="dynamic_texts.py" line="890"/>
        <source>The shop {client_shop} does not use Shopify Payments, so it has no Shopify Payments chargebacks to show. Chargebacks of other payment providers (PayPal, Klarna, ...) are handled in their own dashboards.</source>
        <translation>Der Shop {client_shop} nutzt Shopify Payments nicht und hat daher keine Shopify-Payments-Rückbuchungen. Rückbuchungen anderer Zahlungsanbieter (PayPal, Klarna, ...) werden in deren eigenen Portalen bearbeitet.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="891"/>
        <source>Shopify ({client_shop}) has no dispute {number}.</source>
        <translation>Shopify ({client_shop}) kennt die Rückbuchung {number} nicht.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="892"/>
        <source>Shopify would not save the evidence: {said}.</source>
        <translation>Shopify hat die Nachweise nicht gespeichert: {said}.</translation>
    </message>
</context>
<context>
    <name>core.shopify.domain</name>
    <message>
        <location filename="dynamic_texts.py" line="893"/>
        <source>Enter your shop as &apos;your-shop&apos;, &apos;your-shop.myshopify.com&apos; or the address of your Shopify admin (https://admin.shopify.com/store/your-shop).</source>
        <translation>Geben Sie Ihren Shop als &apos;ihr-shop&apos;, &apos;ihr-shop.myshopify.com&apos; oder als Adresse Ihres Shopify-Adminbereichs (https://admin.shopify.com/store/ihr-shop) ein.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="894"/>
        <source>&apos;{shown}&apos; is not a Shopify shop address. {help}</source>
        <translation>&apos;{shown}&apos; ist keine Shopify-Shop-Adresse. {help}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="895"/>
        <source>The shop address is missing. {help}</source>
        <translation>Die Shop-Adresse fehlt. {help}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="896"/>
        <source>The shop address is empty. {help}</source>
        <translation>Die Shop-Adresse ist leer. {help}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="897"/>
        <source>&apos;{shown}&apos; does not use https. Dropdesk only talks to Shopify over https. {help}</source>
        <translation>&apos;{shown}&apos; verwendet kein https. Dropdesk spricht mit Shopify nur über https. {help}</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="898"/>
        <source>&apos;{shown}&apos; is a Shopify admin address without a shop in it. {help}</source>
        <translation>&apos;{shown}&apos; ist eine Shopify-Admin-Adresse ohne Shop darin. {help}</translation>
    </message>
</context>
<context>
    <name>core.shopify.order_cancel</name>
    <message>
        <location filename="dynamic_texts.py" line="899"/>
        <source>Shopify would not cancel order {number}: {said}. An order that has been fulfilled (even in part) cannot be cancelled; refund it instead.</source>
        <translation>Shopify wollte die Bestellung {number} nicht stornieren: {said}. Eine (auch nur teilweise) versandte Bestellung kann nicht storniert werden; erstatten Sie sie stattdessen.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="900"/>
        <source>Shopify does not know the job {job_id} any more.</source>
        <translation>Shopify kennt den Auftrag {job_id} nicht mehr.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="901"/>
        <source>Shopify finished the cancel job for order {order_name}, but the order is not cancelled. Look at the order in the Shopify admin.</source>
        <translation>Shopify hat den Stornierungsauftrag für die Bestellung {order_name} beendet, aber die Bestellung ist nicht storniert. Sehen Sie sich die Bestellung im Shopify-Adminbereich an.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="902"/>
        <source>Shopify ({client_shop}) has no order {number} to cancel.</source>
        <translation>Shopify ({client_shop}) hat keine Bestellung {number} zum Stornieren.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="903"/>
        <source>Shopify has not finished the job after {timeout:.0f} seconds. Look at the order in the Shopify admin before trying again.</source>
        <translation>Shopify hat den Auftrag nach {timeout:.0f} Sekunden nicht beendet. Sehen Sie sich die Bestellung im Shopify-Adminbereich an, bevor Sie es noch einmal versuchen.</translation>
    </message>
</context>
<context>
    <name>core.shopify.orders</name>
    <message>
        <location filename="dynamic_texts.py" line="904"/>
        <source>Shopify ({client_shop}) has no order named {wanted}.</source>
        <translation>Shopify ({client_shop}) hat keine Bestellung mit dem Namen {wanted}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="905"/>
        <source>Shopify ({client_shop}) has no order {value}. It may have been deleted, or it belongs to another shop.</source>
        <translation>Shopify ({client_shop}) hat keine Bestellung {value}. Vielleicht wurde sie gelöscht, oder sie gehört zu einem anderen Shop.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="906"/>
        <source>Shopify&apos;s answer has an unexpected orders list.</source>
        <translation>Die Antwort von Shopify enthält eine unerwartete Bestellliste.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="907"/>
        <source>Order {order_name} disappeared from Shopify while reading it.</source>
        <translation>Die Bestellung {order_name} ist beim Lesen aus Shopify verschwunden.</translation>
    </message>
</context>
<context>
    <name>core.shopify.policies</name>
    <message>
        <location filename="dynamic_texts.py" line="908"/>
        <source>Shopify would not save the policy: {said}.</source>
        <translation>Shopify wollte die Richtlinie nicht speichern: {said}.</translation>
    </message>
</context>
<context>
    <name>core.shopify.refunds</name>
    <message>
        <location filename="dynamic_texts.py" line="909"/>
        <source>Shopify ({client_shop}) has no order {number}.</source>
        <translation>Shopify ({client_shop}) hat keine Bestellung {number}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="910"/>
        <source>Shopify would not refund order {number}: {said}.</source>
        <translation>Shopify wollte die Bestellung {number} nicht erstatten: {said}.</translation>
    </message>
</context>
<context>
    <name>core.shopify.versions</name>
    <message>
        <location filename="dynamic_texts.py" line="911"/>
        <source>&apos;{shown}&apos; is not a Shopify API version such as {default_api_version}. Choose a version from {oldest_api_version} on.</source>
        <translation>&apos;{shown}&apos; ist keine Shopify-API-Version wie {default_api_version}. Wählen Sie eine Version ab {oldest_api_version}.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="912"/>
        <source>Shopify API version {shown} is too old for Dropdesk: choose {oldest_api_version} or newer (Connections &gt; the shop &gt; API version). Older versions refuse the duplicate-safe refunds Dropdesk sends.</source>
        <translation>Die Shopify-API-Version {shown} ist für Dropdesk zu alt: Wählen Sie {oldest_api_version} oder neuer (Verbindungen &gt; der Shop &gt; API-Version). Ältere Versionen lehnen die gegen Doppelzahlung gesicherten Erstattungen ab, die Dropdesk sendet.</translation>
    </message>
</context>
<context>
    <name>core.status_words</name>
    <message>
        <location filename="dynamic_texts.py" line="913"/>
        <source>Other AliExpress status</source>
        <translation>Anderer AliExpress-Status</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="914"/>
        <source>Awaiting payment</source>
        <translation>Wartet auf Zahlung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="915"/>
        <source>Payment processing</source>
        <translation>Zahlung in Bearbeitung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="916"/>
        <source>Payment check</source>
        <translation>Zahlungsprüfung</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="917"/>
        <source>Payment on hold</source>
        <translation>Zahlung angehalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="918"/>
        <source>Awaiting shipment</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="919"/>
        <source>Partly shipped</source>
        <translation>Teilweise versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="920"/>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="921"/>
        <source>Shipped, payment settling</source>
        <translation>Versandt, Zahlung wird abgewickelt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="922"/>
        <source>Dispute open</source>
        <translation>Streitfall offen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="923"/>
        <source>On hold at AliExpress</source>
        <translation>Bei AliExpress angehalten</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="924"/>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="925"/>
        <source>Cancel requested</source>
        <translation>Stornierung beantragt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="926"/>
        <source>Awaiting group</source>
        <translation>Wartet auf Gruppe</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="927"/>
        <source>Address needed</source>
        <translation>Adresse fehlt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="928"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="929"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="930"/>
        <source>Cancelled at the supplier</source>
        <translation>Beim Lieferanten storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="931"/>
        <source>Cancelled before payment</source>
        <translation>Vor der Zahlung storniert</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="932"/>
        <source>Closed: not paid in time</source>
        <translation>Geschlossen: nicht rechtzeitig bezahlt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="933"/>
        <source>Closed by AliExpress&apos; payment check</source>
        <translation>Von der Zahlungsprüfung geschlossen</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="934"/>
        <source>Closed: not shipped in time</source>
        <translation>Geschlossen: nicht rechtzeitig versandt</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="935"/>
        <source>Refunded after a dispute</source>
        <translation>Nach Streitfall erstattet</translation>
    </message>
</context>
<context>
    <name>core.supplier_platforms</name>
    <message>
        <location filename="dynamic_texts.py" line="936"/>
        <source>Dropdesk does not know the supplier platform {platform_id!r}. Update Dropdesk, or set the supplier&apos;s platform to AliExpress.</source>
        <translation>Dropdesk kennt die Lieferantenplattform {platform_id!r} nicht. Aktualisieren Sie Dropdesk oder stellen Sie die Plattform des Lieferanten auf AliExpress.</translation>
    </message>
</context>
<context>
    <name>core.withdrawal</name>
    <message>
        <location filename="dynamic_texts.py" line="937"/>
        <source>Withdrawal from {order}: refund all payments, delivery included, by {day} (14 days from receiving it). You may hold the refund until the goods are back or the customer shows they sent them.</source>
        <translation>Widerruf zu {order}: alle Zahlungen samt Versandkosten bis {day} erstatten (14 Tage ab Eingang). Sie dürfen die Erstattung zurückhalten, bis die Ware zurück ist oder der Kunde die Rücksendung nachweist.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="938"/>
        <source>That shop order is not in the ledger.</source>
        <translation>Diese Bestellung ist nicht im Ledger.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="939"/>
        <source>The withdrawal cannot have arrived in the future: check the date and time.</source>
        <translation>Der Widerruf kann nicht in der Zukunft eingegangen sein: Prüfen Sie Datum und Uhrzeit.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="940"/>
        <source>The withdrawal cannot have arrived before the order was placed.</source>
        <translation>Der Widerruf kann nicht vor der Bestellung eingegangen sein.</translation>
    </message>
    <message>
        <location filename="dynamic_texts.py" line="941"/>
        <source>an order</source>
        <translation>eine Bestellung</translation>
    </message>
</context>
<context>
    <name>countdown</name>
    <message>
        <location filename="../../gui/formatting.py" line="39"/>
        <source>{0} d {1} h</source>
        <translation>{0} T {1} h</translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="43"/>
        <source>{0} h {1} min</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="47"/>
        <source>{0} h</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="49"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="51"/>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="53"/>
        <source>overdue {0}</source>
        <translation>Verzug {0}</translation>
    </message>
</context>
<context>
    <name>deadline</name>
    <message>
        <location filename="../../gui/formatting.py" line="134"/>
        <source>Ship by {0} (your time)
{1} {2} (supplier&apos;s time)</source>
        <translation>Versand bis {0} (Ihre Zeit)
{1} {2} (Zeit des Lieferanten)</translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="149"/>
        <source>Estimated: the official holidays and make-up working days for that year are not known yet. Add them under Suppliers › Holidays and working days.</source>
        <translation>Geschätzt: Die amtlichen Feiertage und Nacharbeitstage dieses Jahres sind noch nicht bekannt. Tragen Sie sie unter Lieferanten › Feiertage und Arbeitstage ein.</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../gui/formatting.py" line="31"/>
        <source>AliExpress says: {0}</source>
        <translation>AliExpress meldet: {0}</translation>
    </message>
</context>
</TS>
