"""Cancel everywhere: the guided, crash-safe workflow (supplier first, Shopify second, then the
money), persisted as a state machine in the `cancellation` row and its events.

    workflow = CancelWorkflow(ledger, ShopifyShop(client) or None, dropship_api or None)
    run = workflow.start(supplier_order_id, Reason.CHANGED_MIND, Fault.CUSTOMER)
    view = workflow.check(run)        # then one method per merchant action; see view.actions
    workflow.resume_all()             # at start-up: finish whatever a crash interrupted

The modules are imported one by one (core.cancel.workflow, .states, .view, …): this file stays
empty so that the ledger table can name a cancellation's state without loading the workflow.
"""
