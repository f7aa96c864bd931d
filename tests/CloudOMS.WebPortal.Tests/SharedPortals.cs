namespace CloudOMS.WebPortal.Tests;

// Portals shared by the classes of a collection: xUnit runs a collection's classes one after another and
// different collections side by side, so two collections keep both cores busy. The classes keep apart by
// their own SKUs, warehouses, phone numbers and orders in the demo company, and read the company's totals
// only after ReadModelCaughtUp. A class that changes the portal itself (its data folder, its meters, its
// settings) or that needs the company's figures to hold still keeps a portal of its own.

/// <summary>The order, report and problem-code API classes, and the numeric bounds of orders.</summary>
[CollectionDefinition(Name)]
public sealed class OrdersPortal : ICollectionFixture<PortalFactory>
{
    public const string Name = "orders portal";
}

/// <summary>The inventory, warehouse, portal-host and input classes, and the component tests over the grains.</summary>
[CollectionDefinition(Name)]
public sealed class StockPortal : ICollectionFixture<PortalFactory>
{
    public const string Name = "stock portal";
}
