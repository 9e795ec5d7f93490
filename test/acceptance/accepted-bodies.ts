import type { AcceptedBody, CorpusSource } from './corpus-types.js';

/*
 * PUT bodies Partner Center accepts, as Microsoft's own clients and docs put them on the wire. Each is derived from the
 * serializer settings and models named in its source (the SDKs are archived; none of this repository wrote these
 * shapes), or copied from a docs example with its JSON syntax errors corrected. What each client does:
 *  - .NET SDK: Newtonsoft with a DefaultContractResolver subclass (PascalCase names), NullValueHandling.Include (null
 *    for every unset reference-typed property; `Links`, `Links.Self`, `Attributes.Etag` opt out), EnumJsonConverter
 *    (lower snake case), KeyValuePair as `{Key, Value}`, DateTime of unspecified kind without an offset
 *    (`0001-01-01T00:00:00` for the unset non-nullable `ExpirationTimestamp`).
 *  - PowerShell module: the same models through PartnerCenter.DotNet, with NullValueHandling.Ignore, DateTimeZoneHandling.Utc
 *    and an enum converter writing `value.ToString()` (`OneTime`, `TransactionReseller`).
 *  - Java SDK: Jackson with getter names (camelCase, `addOnItems`), Include.NON_NULL, `@JsonValue` lower snake case
 *    enums, Joda date-times in ISO 8601 UTC with milliseconds.
 */

export const CUSTOMER_ID = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
export const DOCS_CART_ID = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
const RESERVATION = 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB';
const NCE_MONTHLY = 'CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P';
const SUBSCRIPTION = 'cccc2c2c-dd3d-ee4e-ff5f-aaaaaa6a6a6a';

const DOTNET_PROXY: CorpusSource = {
  repository: 'microsoft/partner-center-sdk-for-dotNET',
  path: 'Source/PartnerSDK/Network/PartnerServiceProxy.cs',
  shows:
    'JsonConvert.SerializeObject with InternalPropertySetterJsonResolver (a DefaultContractResolver: PascalCase) and default NullValueHandling.Include',
};
const DOTNET_LINE: CorpusSource = {
  repository: 'microsoft/partner-center-sdk-for-dotNET',
  path: 'Source/PartnerSdk.Models/Carts/CartLineItem.cs',
  shows: 'every CartLineItem property, written PascalCase, null when unset; BillingCycle through EnumJsonConverter',
};
const POWERSHELL_SET: CorpusSource = {
  repository: 'microsoft/Partner-Center-PowerShell',
  path: 'src/PowerShell/Commands/SetPartnerCustomerCart.cs',
  shows:
    'GET the cart, replace LineItems, PUT through PartnerCenter.DotNet (isaiahwilliams/partner-center-dotnet src/PartnerCenter/Network/PartnerServiceClient.cs: NullValueHandling.Ignore, DateTimeZoneHandling.Utc, enums as ToString())',
};
const POWERSHELL_ADD: CorpusSource = {
  repository: 'microsoft/Partner-Center-PowerShell',
  path: 'src/PowerShell/Commands/AddPartnerCustomerCartLineItem.cs',
  shows: 'GET the cart, append a PSCartLineItem copy, PUT; enums written with ToString() (OneTime, Monthly, TransactionReseller)',
};
const JAVA_CLIENT: CorpusSource = {
  repository: 'msize/Partner-Center-Java',
  path: 'src/main/java/com/microsoft/store/partnercenter/network/PartnerServiceClient.java',
  shows: 'Jackson ObjectMapper: getter names (camelCase; CartLineItem.getAddOnItems gives addOnItems), Include.NON_NULL, JodaModule',
};

/** The cart the docs' update page returns, as a client holds it after GET (the example corrected to JSON). */
const docsCart = {
  id: DOCS_CART_ID,
  creationTimestamp: '2018-03-15T17:15:02.3840528Z',
  lastModifiedTimestamp: '2018-03-15T17:15:02.3840528Z',
  expirationTimestamp: '2018-03-22T17:15:02.3840528Z',
  lastModifiedUser: '2713ccd7-ea3b-470a-9cfb-451d5d0482cc',
};

/** A .NET SDK CartLineItem with every property it has, unset ones null, as Newtonsoft writes it. */
function dotnetLine(set: Record<string, unknown>): Record<string, unknown> {
  return {
    Id: 0,
    CatalogItemId: RESERVATION,
    FriendlyName: null,
    Quantity: 1,
    CurrencyCode: null,
    BillingCycle: 'one_time',
    TermDuration: null,
    PromotionId: null,
    Participants: null,
    ProvisioningContext: null,
    OrderGroup: null,
    PurchaseSystem: null,
    AddonItems: null,
    RenewsTo: null,
    Error: null,
    CustomTermEndDate: null,
    AttestationAccepted: null,
    ...set,
  };
}

/** A .NET SDK Cart built with `new Cart { LineItems = ... }`: no Links (ignored when null), unset ExpirationTimestamp. */
function dotnetFreshCart(lineItems: unknown[]): Record<string, unknown> {
  return {
    Id: null,
    CreationTimestamp: null,
    LastModifiedTimestamp: null,
    ExpirationTimestamp: '0001-01-01T00:00:00',
    LastModifiedUser: null,
    LineItems: lineItems,
    Status: null,
    PartnerOnRecordAttestationAccepted: null,
    Attributes: { ObjectType: 'Cart' },
  };
}

/** A .NET SDK Cart read with GET and written back: timestamps parsed as UTC keep their Z, links come back PascalCase. */
function dotnetReadCart(lineItems: unknown[]): Record<string, unknown> {
  return {
    Id: DOCS_CART_ID,
    CreationTimestamp: docsCart.creationTimestamp,
    LastModifiedTimestamp: docsCart.lastModifiedTimestamp,
    ExpirationTimestamp: docsCart.expirationTimestamp,
    LastModifiedUser: docsCart.lastModifiedUser,
    LineItems: lineItems,
    Status: 'Active',
    PartnerOnRecordAttestationAccepted: null,
    Links: { Self: { Uri: `/customers/${CUSTOMER_ID}/carts/${DOCS_CART_ID}`, Method: 'GET', Headers: [] } },
    Attributes: { ObjectType: 'Cart' },
  };
}

export const acceptedBodies: AcceptedBody[] = [
  {
    name: "docs update request: PascalCase, ExpirationTimestamp '0001-01-01T00:00:00', PascalCase provisioning keys",
    source: {
      repository: 'MicrosoftDocs/partner-center-sdk.zh-tw',
      path: 'develop/update-a-cart.md',
      shows: 'the only documented PUT body, a .NET SDK capture (MS-PartnerCenter-Client: Partner Center .NET SDK), corrected to JSON',
    },
    body: {
      Id: DOCS_CART_ID,
      CreationTimestamp: '2018-03-15T17:15:02.3840528Z',
      LastModifiedTimestamp: '2018-03-15T17:15:02.3840528Z',
      ExpirationTimestamp: '0001-01-01T00:00:00',
      LastModifiedUser: '2713ccd7-ea3b-470a-9cfb-451d5d0482cc',
      LineItems: [
        {
          Id: 0,
          CatalogItemId: RESERVATION,
          FriendlyName: 'A_sample_Azure_RI',
          Quantity: 2,
          BillingCycle: 'one_time',
          ProvisioningContext: { SubscriptionId: SUBSCRIPTION, Scope: 'shared', Duration: '1Year' },
        },
      ],
    },
    strict: 'refuses',
    expectedFirstLine: {
      id: 0,
      catalogItemId: RESERVATION,
      friendlyName: 'A_sample_Azure_RI',
      quantity: 2,
      billingCycle: 'one_time',
      provisioningContext: { subscriptionId: SUBSCRIPTION, scope: 'shared', duration: '1Year' },
    },
  },
  {
    name: '.NET SDK UpdateCart sample: the GET answer written back with one quantity raised, every unset property null',
    source: {
      repository: 'microsoft/partner-center-sdk-for-dotNET',
      path: 'Source/PartnerSdk.FeatureSamples/Features/Carts/UpdateCart.cs',
      shows: 'selectedCart.LineItems.ToArray()[3].Quantity++ then Put(selectedCart): the whole read model goes back',
    },
    body: dotnetReadCart([
      dotnetLine({
        Id: 0,
        CatalogItemId: RESERVATION,
        FriendlyName: 'A_sample_Azure_RI',
        Quantity: 3,
        CurrencyCode: 'USD',
        OrderGroup: '0',
        ProvisioningContext: { subscriptionId: SUBSCRIPTION, scope: 'shared', duration: '1Year' },
      }),
    ]),
    strict: 'refuses',
    expectedFirstLine: {
      id: 0,
      quantity: 3,
      currencyCode: 'USD',
      orderGroup: '0',
      billingCycle: 'one_time',
      friendlyName: 'A_sample_Azure_RI',
    },
  },
  {
    name: '.NET SDK round trip of a line the service flagged: Error.ErrorCode as the enum member invalid_promotion_id',
    source: {
      repository: 'microsoft/partner-center-sdk-for-dotNET',
      path: 'Source/PartnerSdk.Models/Carts/Enums/CartErrorCode.cs',
      shows: 'CartError.ErrorCode is the CartErrorCode enum (InvalidPromotionId = 10014) written by EnumJsonConverter in lower snake case',
    },
    body: dotnetReadCart([
      dotnetLine({
        CatalogItemId: NCE_MONTHLY,
        Quantity: 4,
        BillingCycle: 'monthly',
        TermDuration: 'P1Y',
        CurrencyCode: 'USD',
        OrderGroup: '0',
        PromotionId: '39NFJQT1Q5KV:0002:39NFJQT1Q5KV',
        Error: {
          ErrorCode: 'invalid_promotion_id',
          ErrorDescription: 'The promotion id is not valid for this catalog item.',
          AdditionalInformation: null,
        },
      }),
    ]),
    strict: 'refuses',
    // The fake drops a client-sent error: only the service reports line problems.
    expectedFirstLine: { quantity: 4, promotionId: '39NFJQT1Q5KV:0002:39NFJQT1Q5KV', termDuration: 'P1Y' },
  },
  {
    name: '.NET SDK fresh Cart: Id and timestamps null, ExpirationTimestamp unset, Attributes.ObjectType',
    source: {
      repository: 'microsoft/partner-center-sdk-for-dotNET',
      path: 'Source/PartnerSdk.Models/Carts/Cart.cs',
      shows:
        'string Id, DateTime? Creation/LastModified, non-nullable DateTime ExpirationTimestamp, bool? PartnerOnRecordAttestationAccepted',
    },
    body: dotnetFreshCart([dotnetLine({ FriendlyName: 'Myofferpurchase', Quantity: 3, BillingCycle: 'annual' })]),
    strict: 'refuses',
    expectedFirstLine: { id: 0, catalogItemId: RESERVATION, friendlyName: 'Myofferpurchase', quantity: 3, billingCycle: 'annual' },
  },
  {
    name: '.NET SDK line with CustomTermEndDate of unspecified kind (no offset)',
    source: DOTNET_LINE,
    body: dotnetFreshCart([
      dotnetLine({ CatalogItemId: NCE_MONTHLY, BillingCycle: 'monthly', TermDuration: 'P1Y', CustomTermEndDate: '2022-02-19T00:00:00' }),
    ]),
    strict: 'refuses',
    expectedFirstLine: {
      catalogItemId: NCE_MONTHLY,
      billingCycle: 'monthly',
      termDuration: 'P1Y',
      customTermEndDate: '2022-02-19T00:00:00Z',
    },
  },
  {
    name: '.NET SDK participants as Newtonsoft KeyValuePairs {Key, Value}',
    source: {
      repository: 'microsoft/partner-center-sdk-for-dotNET',
      path: 'Source/PartnerSdk.Models/Carts/Enums/ParticipantType.cs',
      shows: 'IEnumerable<KeyValuePair<ParticipantType, string>> Participants; ParticipantType through EnumJsonConverter',
    },
    body: dotnetFreshCart([
      dotnetLine({
        CatalogItemId: NCE_MONTHLY,
        BillingCycle: 'monthly',
        TermDuration: 'P1Y',
        Quantity: 2,
        Participants: [
          { Key: 'transaction_reseller', Value: '5357564' },
          { Key: 'additional_transaction_reseller', Value: '517285' },
        ],
      }),
    ]),
    strict: 'refuses',
    expectedFirstLine: {
      participants: [
        { key: 'transaction_reseller', value: '5357564' },
        { key: 'additional_transaction_reseller', value: '517285' },
      ],
    },
  },
  {
    name: '.NET SDK add-on to an existing subscription: ProvisioningContext key ParentSubscriptionId',
    source: {
      repository: 'microsoft/partner-center-sdk-for-dotNET',
      path: 'Source/PartnerSdk.FeatureSamples/Features/Carts/CreateCartAddonWithExistingSubscription.cs',
      shows: 'sends the key "ParentSubscriptionId" and reads back ProvisioningContext["parentSubscriptionId"]',
    },
    body: dotnetFreshCart([
      dotnetLine({
        CatalogItemId: 'C94271D8-B431-4A25-A3C5-A57737A1C909',
        BillingCycle: 'annual',
        ProvisioningContext: { ParentSubscriptionId: '97555B61-7461-477A-A98C-9C76148783E4' },
      }),
    ]),
    strict: 'refuses',
    expectedFirstLine: { provisioningContext: { parentSubscriptionId: '97555B61-7461-477A-A98C-9C76148783E4' }, billingCycle: 'annual' },
  },
  {
    name: '.NET SDK base offer with AddonItems, each add-on a full CartLineItem with nulls',
    source: {
      repository: 'microsoft/partner-center-sdk-for-dotNET',
      path: 'Source/PartnerSdk.FeatureSamples/Features/Carts/CreateCartWithAddons.cs',
      shows: 'AddonItems = new List<CartLineItem> { ... } under the base line',
    },
    body: dotnetFreshCart([
      dotnetLine({
        CatalogItemId: '91FD106F-4B2C-4938-95AC-F54F74E9A239',
        Quantity: 3,
        BillingCycle: 'monthly',
        AddonItems: [dotnetLine({ Id: 1, CatalogItemId: 'C94271D8-B431-4A25-A3C5-A57737A1C909', Quantity: 2, BillingCycle: 'monthly' })],
      }),
    ]),
    strict: 'refuses',
    expectedFirstLine: { addonItems: [expectAddon(1, 'C94271D8-B431-4A25-A3C5-A57737A1C909', 2)] },
  },
  {
    name: '.NET SDK trial with RenewsTo and a promotion',
    source: {
      repository: 'microsoft/partner-center-sdk-for-dotNET',
      path: 'Source/PartnerSdk.Models/Carts/RenewsTo.cs',
      shows: 'RenewsTo { string TermDuration } written PascalCase',
    },
    body: dotnetFreshCart([
      dotnetLine({
        CatalogItemId: 'DZH318Z0C0WF:0001:DZH318Z0BP69',
        Quantity: 10,
        BillingCycle: 'none',
        TermDuration: 'P1M',
        RenewsTo: { TermDuration: 'P1Y' },
        PromotionId: '39NFJQT1Q5KV:0002:39NFJQT1Q5KV',
      }),
    ]),
    strict: 'refuses',
    expectedFirstLine: {
      billingCycle: 'none',
      termDuration: 'P1M',
      renewsTo: { termDuration: 'P1Y' },
      promotionId: '39NFJQT1Q5KV:0002:39NFJQT1Q5KV',
    },
  },
  {
    name: '.NET SDK cart-level attestation with AttestationAccepted on the line',
    source: DOTNET_PROXY,
    body: {
      ...dotnetFreshCart([
        dotnetLine({ CatalogItemId: NCE_MONTHLY, BillingCycle: 'monthly', TermDuration: 'P1M', AttestationAccepted: true }),
      ]),
      PartnerOnRecordAttestationAccepted: true,
    },
    strict: 'refuses',
    expectedFirstLine: { attestationAccepted: true, billingCycle: 'monthly' },
  },
  {
    name: 'PowerShell Set-PartnerCustomerCart: PascalCase, nulls left out, BillingCycle OneTime, UTC timestamps',
    source: POWERSHELL_SET,
    body: {
      CreationTimestamp: docsCart.creationTimestamp,
      ExpirationTimestamp: docsCart.expirationTimestamp,
      Id: DOCS_CART_ID,
      LastModifiedTimestamp: docsCart.lastModifiedTimestamp,
      LastModifiedUser: docsCart.lastModifiedUser,
      LineItems: [
        {
          BillingCycle: 'OneTime',
          CatalogItemId: RESERVATION,
          FriendlyName: 'My Purchase',
          Id: 0,
          ProvisioningContext: { duration: '1Year', scope: 'shared', subscriptionId: 'b35d5324-df8e-4306-9023-6edac2d4896c' },
          Quantity: 10,
        },
      ],
      Status: 'Active',
      Attributes: { ObjectType: 'Cart' },
    },
    strict: 'refuses',
    expectedFirstLine: {
      billingCycle: 'one_time',
      quantity: 10,
      friendlyName: 'My Purchase',
      provisioningContext: { duration: '1Year', scope: 'shared', subscriptionId: 'b35d5324-df8e-4306-9023-6edac2d4896c' },
    },
  },
  {
    name: 'PowerShell Add-PartnerCustomerCartLineItem: a new Monthly line with a TransactionReseller participant',
    source: POWERSHELL_ADD,
    body: {
      Id: DOCS_CART_ID,
      LineItems: [
        {
          BillingCycle: 'Monthly',
          CatalogItemId: NCE_MONTHLY,
          Id: 0,
          Quantity: 1,
          TermDuration: 'P1M',
          CurrencyCode: 'USD',
          OrderGroup: '0',
        },
        {
          BillingCycle: 'Monthly',
          CatalogItemId: 'CFQ7TTC0LFLS:0002:CFQ7TTC0KDLJ',
          Id: 1,
          Quantity: 2,
          TermDuration: 'P1Y',
          Participants: [{ Key: 'TransactionReseller', Value: '5357564' }],
        },
      ],
      Status: 'Active',
      Attributes: { ObjectType: 'Cart' },
    },
    strict: 'refuses',
    expectedFirstLine: { billingCycle: 'monthly', termDuration: 'P1M', currencyCode: 'USD', orderGroup: '0' },
  },
  {
    name: 'PowerShell cart with an AdditionalTransactionReseller and an Annual line',
    source: {
      repository: 'isaiahwilliams/partner-center-dotnet',
      path: 'src/PartnerCenter/Models/JsonConverters/EnumJsonConverter.cs',
      shows: 'WriteJson writes value.ToString(): AdditionalTransactionReseller, Annual',
    },
    body: {
      LineItems: [
        {
          BillingCycle: 'Annual',
          CatalogItemId: NCE_MONTHLY,
          Id: 0,
          Quantity: 5,
          TermDuration: 'P1Y',
          Participants: [
            { Key: 'TransactionReseller', Value: '5357564' },
            { Key: 'AdditionalTransactionReseller', Value: '5357563' },
          ],
        },
      ],
      Attributes: { ObjectType: 'Cart' },
    },
    strict: 'refuses',
    expectedFirstLine: {
      billingCycle: 'annual',
      participants: [
        { key: 'transaction_reseller', value: '5357564' },
        { key: 'additional_transaction_reseller', value: '5357563' },
      ],
    },
  },
  {
    name: 'Java SDK round trip: camelCase getters, addOnItems, nulls left out, Joda timestamps with milliseconds',
    source: JAVA_CLIENT,
    body: {
      id: DOCS_CART_ID,
      creationTimestamp: '2018-03-15T17:15:02.384Z',
      lastModifiedTimestamp: '2018-03-15T17:15:02.384Z',
      expirationTimestamp: '2018-03-22T17:15:02.384Z',
      lastModifiedUser: docsCart.lastModifiedUser,
      lineItems: [
        {
          addOnItems: [
            {
              billingCycle: 'monthly',
              catalogItemId: 'C94271D8-B431-4A25-A3C5-A57737A1C909',
              currencyCode: 'USD',
              id: 1,
              orderGroup: 'OMS-0',
              quantity: 2,
            },
          ],
          billingCycle: 'monthly',
          catalogItemId: '91FD106F-4B2C-4938-95AC-F54F74E9A239',
          currencyCode: 'USD',
          friendlyName: 'Myofferpurchase',
          id: 0,
          orderGroup: 'OMS-0',
          quantity: 4,
        },
      ],
      status: 'Active',
      links: { self: { uri: `/customers/${CUSTOMER_ID}/carts/${DOCS_CART_ID}`, method: 'GET', headers: [] } },
      attributes: { objectType: 'Cart' },
    },
    // addOnItems is an unknown property to the strict check, which therefore accepts the body (and never reads the add-on).
    strict: 'accepts',
    expectedFirstLine: { quantity: 4, addonItems: [expectAddon(1, 'C94271D8-B431-4A25-A3C5-A57737A1C909', 2)] },
  },
  {
    name: 'Java SDK create-a-cart sample: a reservation with provisioningContext, primitive id 0',
    source: {
      repository: 'msize/Partner-Center-Java',
      path: 'src/main/java/com/microsoft/store/partnercenter/models/carts/CartLineItem.java',
      shows: 'int id and quantity (always written), Map<String, String> provisioningContext, BillingCycleType @JsonValue one_time',
    },
    body: {
      lineItems: [
        {
          billingCycle: 'one_time',
          catalogItemId: 'DZH318Z0BQ36:004J:DZH318Z08B8X',
          friendlyName: 'Sample RI Purchase',
          id: 0,
          provisioningContext: { duration: '3Years', scope: 'shared', subscriptionId: '1C461A25-F729-4FA5-AADB-280947DD05E8' },
          quantity: 1,
        },
      ],
      attributes: { objectType: 'Cart' },
    },
    strict: 'accepts',
    expectedFirstLine: {
      billingCycle: 'one_time',
      provisioningContext: { duration: '3Years', scope: 'shared', subscriptionId: '1C461A25-F729-4FA5-AADB-280947DD05E8' },
    },
  },
  {
    name: 'Java SDK participants: KeyValuePair getters give {key, value}',
    source: {
      repository: 'msize/Partner-Center-Java',
      path: 'src/main/java/com/microsoft/store/partnercenter/models/KeyValuePair.java',
      shows: 'getKey/getValue: lower-case key and value; ParticipantType @JsonValue transaction_reseller',
    },
    body: {
      lineItems: [
        {
          billingCycle: 'monthly',
          catalogItemId: NCE_MONTHLY,
          id: 0,
          quantity: 1,
          termDuration: 'P1M',
          participants: [{ key: 'transaction_reseller', value: '5357564' }],
        },
      ],
    },
    strict: 'accepts',
    expectedFirstLine: { participants: [{ key: 'transaction_reseller', value: '5357564' }] },
  },
  {
    name: 'docs new-commerce create request: PascalCase with "BillingCycle": "Monthly"',
    source: {
      repository: 'isabella232/partner-center-sdk-pr.cs-cz',
      path: 'develop/create-a-cart.md',
      shows: 'example for new commerce license-based services; the service answers billingCycle monthly',
    },
    body: { LineItems: [{ CatalogItemId: 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K4TS', Quantity: 1, TermDuration: 'P1M', BillingCycle: 'Monthly' }] },
    strict: 'refuses',
    expectedFirstLine: { catalogItemId: 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K4TS', quantity: 1, termDuration: 'P1M', billingCycle: 'monthly' },
  },
  {
    name: 'docs 2021 create sample: PartnerOnRecordAttestationAccepted, renewsTo null, coterminousSubscriptionId null, empty provisioningContext',
    source: {
      repository: 'isabella232/partner-center-sdk-pr.cs-cz',
      path: 'develop/create-a-cart.md',
      shows: 'request sample with the partner-of-record attestation and additional resellers',
    },
    body: {
      PartnerOnRecordAttestationAccepted: true,
      lineItems: [
        {
          id: 0,
          catalogItemId: NCE_MONTHLY,
          quantity: 1,
          billingCycle: 'monthly',
          termDuration: 'P1M',
          renewsTo: null,
          provisioningContext: {},
          coterminousSubscriptionId: null,
        },
        {
          id: 1,
          catalogItemId: 'CFQ7TTC0LFLS:0002:CFQ7TTC0KDLJ',
          quantity: 2,
          billingCycle: 'monthly',
          termDuration: 'P1Y',
          participants: [
            { key: 'transaction_reseller', value: '5357564' },
            { key: 'additional_transaction_reseller', value: '517285' },
            { key: 'additional_transaction_reseller', value: '5357563' },
          ],
        },
      ],
    },
    // The strict check lets it through only because it does not know PartnerOnRecordAttestationAccepted and
    // coterminousSubscriptionId (unknown properties are passed on), and renewsTo is nullable there too.
    strict: 'accepts',
    // coterminousSubscriptionId is in no model: an unknown property, kept as sent.
    expectedFirstLine: { renewsTo: null, provisioningContext: {}, coterminousSubscriptionId: null, termDuration: 'P1M' },
  },
  {
    name: 'docs create request: six camelCase lines (Azure plan, two reservations, software, SaaS, trial with renewsTo)',
    source: {
      repository: 'isabella232/partner-center-sdk-pr.cs-cz',
      path: 'develop/create-a-cart.md',
      shows: 'request example, /* */ comments removed',
    },
    body: {
      lineItems: [
        { id: 0, catalogItemId: 'MS-AZR-0145P', quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y' },
        {
          id: 1,
          catalogItemId: 'DZH318Z0BQ36:004G:DZH318Z08C0S',
          quantity: 1,
          billingCycle: 'one_time',
          termDuration: 'P1Y',
          provisioningContext: { subscriptionId: '1C461A25-F729-4FA5-AADB-280947DD05E8', scope: 'shared' },
        },
        {
          id: 2,
          catalogItemId: 'DZH318Z0BQ36:004J:DZH318Z08B8X',
          quantity: 1,
          billingCycle: 'one_time',
          termDuration: 'P3Y',
          provisioningContext: { subscriptionId: '1C461A25-F729-4FA5-AADB-280947DD05E8', scope: 'single' },
        },
        { id: 3, catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSFM', quantity: 1, billingCycle: 'one_time' },
        { id: 4, catalogItemId: 'DZH318Z0BXWC:0002:DZH318Z0BMRV', quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' },
        {
          id: 5,
          catalogItemId: 'DZH318Z0C0WF:0001:DZH318Z0BP69',
          quantity: 10,
          billingCycle: 'none',
          termDuration: 'P1M',
          renewsTo: { termDuration: 'P1Y' },
        },
      ],
    },
    strict: 'accepts',
    expectedFirstLine: { id: 0, catalogItemId: 'MS-AZR-0145P', billingCycle: 'monthly', termDuration: 'P1Y' },
  },
  {
    name: 'docs add-ons request (new base subscription): PascalCase AddonItems',
    source: {
      repository: 'MicrosoftDocs/partner-center-sdk.zh-tw',
      path: 'develop/create-a-cart-with-add-ons.md',
      shows: 'request example (new base subscription)',
    },
    body: {
      LineItems: [
        {
          Id: 0,
          CatalogItemId: '91FD106F-4B2C-4938-95AC-F54F74E9A239',
          FriendlyName: 'Myofferpurchase',
          Quantity: 3,
          BillingCycle: 'monthly',
          AddonItems: [
            { Id: 1, CatalogItemId: 'C94271D8-B431-4A25-A3C5-A57737A1C909', Quantity: 2, BillingCycle: 'monthly' },
            { Id: 2, CatalogItemId: '43FCE491-76D1-4BCC-B709-8A288786DBAE', Quantity: 3, BillingCycle: 'monthly' },
          ],
        },
      ],
    },
    strict: 'refuses',
    expectedFirstLine: {
      friendlyName: 'Myofferpurchase',
      addonItems: [expectAddon(1, 'C94271D8-B431-4A25-A3C5-A57737A1C909', 2), expectAddon(2, '43FCE491-76D1-4BCC-B709-8A288786DBAE', 3)],
    },
  },
  {
    name: 'docs add-ons request (existing base subscription): PascalCase ProvisioningContext.ParentSubscriptionId',
    source: {
      repository: 'MicrosoftDocs/partner-center-sdk.zh-tw',
      path: 'develop/create-a-cart-with-add-ons.md',
      shows: 'request example (existing base subscription); the response answers parentSubscriptionId',
    },
    body: {
      LineItems: [
        {
          Id: 0,
          CatalogItemId: 'C94271D8-B431-4A25-A3C5-A57737A1C909',
          Quantity: 1,
          BillingCycle: 'annual',
          ProvisioningContext: { ParentSubscriptionId: '97555B61-7461-477A-A98C-9C76148783E4' },
        },
      ],
    },
    strict: 'refuses',
    expectedFirstLine: { billingCycle: 'annual', provisioningContext: { parentSubscriptionId: '97555B61-7461-477A-A98C-9C76148783E4' } },
  },
  {
    name: 'docs add-ons capture of the .NET SDK (new base subscription): every unset property null, ExpirationTimestamp unset',
    source: {
      repository: 'xdmushui/partner-center-sdk',
      path: 'develop/create-a-cart-with-add-ons.md',
      shows: 'request example (new base subscription), the .NET SDK body verbatim: Id, timestamps, CurrencyCode, Participants, ... null',
    },
    body: {
      Id: null,
      CreationTimestamp: null,
      LastModifiedTimestamp: null,
      ExpirationTimestamp: '0001-01-01T00:00:00',
      LastModifiedUser: null,
      LineItems: [
        {
          Id: 0,
          CatalogItemId: '91FD106F-4B2C-4938-95AC-F54F74E9A239',
          FriendlyName: 'Myofferpurchase',
          Quantity: 3,
          CurrencyCode: null,
          BillingCycle: 'monthly',
          Participants: null,
          ProvisioningContext: null,
          OrderGroup: null,
          AddonItems: [
            {
              Id: 1,
              CatalogItemId: 'C94271D8-B431-4A25-A3C5-A57737A1C909',
              FriendlyName: null,
              Quantity: 2,
              CurrencyCode: null,
              BillingCycle: 'monthly',
              Participants: null,
              ProvisioningContext: null,
              OrderGroup: null,
              AddonItems: null,
              Error: null,
            },
            {
              Id: 2,
              CatalogItemId: '43FCE491-76D1-4BCC-B709-8A288786DBAE',
              FriendlyName: null,
              Quantity: 3,
              CurrencyCode: null,
              BillingCycle: 'monthly',
              Participants: null,
              ProvisioningContext: null,
              OrderGroup: null,
              AddonItems: null,
              Error: null,
            },
          ],
          Error: null,
        },
      ],
      Attributes: { ObjectType: 'Cart' },
    },
    strict: 'refuses',
    expectedFirstLine: {
      friendlyName: 'Myofferpurchase',
      addonItems: [expectAddon(1, 'C94271D8-B431-4A25-A3C5-A57737A1C909', 2), expectAddon(2, '43FCE491-76D1-4BCC-B709-8A288786DBAE', 3)],
    },
  },
  {
    name: 'docs add-ons capture of the .NET SDK (existing base subscription): nulls and ProvisioningContext.ParentSubscriptionId',
    source: {
      repository: 'xdmushui/partner-center-sdk',
      path: 'develop/create-a-cart-with-add-ons.md',
      shows: 'request example (existing base subscription), the .NET SDK body verbatim; the response answers parentSubscriptionId',
    },
    body: {
      Id: null,
      CreationTimestamp: null,
      LastModifiedTimestamp: null,
      ExpirationTimestamp: '0001-01-01T00:00:00',
      LastModifiedUser: null,
      LineItems: [
        {
          Id: 0,
          CatalogItemId: 'C94271D8-B431-4A25-A3C5-A57737A1C909',
          FriendlyName: null,
          Quantity: 1,
          CurrencyCode: null,
          BillingCycle: 'annual',
          Participants: null,
          ProvisioningContext: { ParentSubscriptionId: '97555B61-7461-477A-A98C-9C76148783E4' },
          OrderGroup: null,
          AddonItems: null,
          Error: null,
        },
      ],
      Attributes: { ObjectType: 'Cart' },
    },
    strict: 'refuses',
    expectedFirstLine: {
      quantity: 1,
      billingCycle: 'annual',
      provisioningContext: { parentSubscriptionId: '97555B61-7461-477A-A98C-9C76148783E4' },
    },
  },
  {
    name: 'docs update response sent back in camelCase after raising the quantity (GET-change-PUT)',
    source: {
      repository: 'MicrosoftDocs/partner-center-sdk.zh-tw',
      path: 'develop/update-a-cart.md',
      shows:
        'response example, corrected to JSON (missing comma, PascalCase ProvisioningContext camelCased as the create responses have it)',
    },
    body: {
      ...docsCart,
      status: 'Active',
      lineItems: [
        {
          id: 0,
          catalogItemId: RESERVATION,
          friendlyName: 'A_sample_Azure_RI',
          quantity: 3,
          currencyCode: 'USD',
          billingCycle: 'one_time',
          provisioningContext: { subscriptionId: SUBSCRIPTION, scope: 'shared', duration: '1Year' },
          orderGroup: '0',
        },
      ],
      links: { self: { uri: `/v1/customers/${CUSTOMER_ID}/carts/${DOCS_CART_ID}/`, method: 'GET', headers: [] } },
      attributes: { objectType: 'Cart' },
    },
    strict: 'accepts',
    expectedFirstLine: { quantity: 3, currencyCode: 'USD', orderGroup: '0' },
  },
];

function expectAddon(id: number, catalogItemId: string, quantity: number): Record<string, unknown> {
  return { id, catalogItemId, quantity, billingCycle: 'monthly' };
}
