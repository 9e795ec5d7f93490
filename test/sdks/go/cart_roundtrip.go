// A Go team's read-modify-write of a cart with the generated SDK (generated/sdks/go), run by test/sdks/go.test.ts
// against the stateful fake and against the Prism mock. It GETs the cart, PUTs it back with every quantity plus one,
// GETs it again, then asks for a cart that does not exist. It prints what came back as JSON and leaves the judging to
// the test, so a wrong value shows up as a readable diff rather than a Go panic.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"

	sdk "github.com/partner-center-cart/partner-center-cart-contract/generated/sdks/go"
)

type cartSummary struct {
	ID                string   `json:"id"`
	Status            string   `json:"status"`
	CreationTimestamp string   `json:"creationTimestamp"`
	Quantities        []int32  `json:"quantities"`
	CatalogItemIDs    []string `json:"catalogItemIds"`
}

type notFoundSummary struct {
	Status      int         `json:"status"`
	Code        interface{} `json:"code"`
	Description string      `json:"description"`
}

type report struct {
	Read     cartSummary     `json:"read"`
	Updated  cartSummary     `json:"updated"`
	Reread   cartSummary     `json:"reread"`
	NotFound notFoundSummary `json:"notFound"`
}

func summarize(cart sdk.Cart) cartSummary {
	summary := cartSummary{ID: cart.Id, Quantities: []int32{}, CatalogItemIDs: []string{}}
	if cart.Status != nil {
		summary.Status = *cart.Status
	}
	if cart.CreationTimestamp != nil {
		summary.CreationTimestamp = cart.CreationTimestamp.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	for _, item := range cart.LineItems {
		summary.Quantities = append(summary.Quantities, item.Quantity)
		summary.CatalogItemIDs = append(summary.CatalogItemIDs, item.CatalogItemId)
	}
	return summary
}

// The update a caller builds from what it read: the same lines, each quantity one higher (the cart id is read-only).
// Only the properties a caller sets are filled in; the SDK decides what else goes on the wire.
func plusOne(cart sdk.Cart) sdk.CartUpdate {
	update := sdk.CartUpdate{LineItems: []sdk.CartLineItemUpdate{}}
	for _, item := range cart.LineItems {
		lineID := item.Id
		update.LineItems = append(update.LineItems, sdk.CartLineItemUpdate{
			Id:            &lineID,
			CatalogItemId: item.CatalogItemId,
			FriendlyName:  item.FriendlyName,
			Quantity:      item.Quantity + 1,
			BillingCycle:  sdk.BillingCycle(item.BillingCycle),
			TermDuration:  item.TermDuration,
		})
	}
	return update
}

func describe(step string, response *http.Response, err error) error {
	var apiError sdk.GenericOpenAPIError
	if errors.As(err, &apiError) {
		return fmt.Errorf("%s: %v: %s", step, err, apiError.Body())
	}
	if response != nil {
		return fmt.Errorf("%s: HTTP %d: %v", step, response.StatusCode, err)
	}
	return fmt.Errorf("%s: %v", step, err)
}

func run(baseURL, customerID, cartID, missingCartID string, notFoundHeaders map[string]string) (report, error) {
	config := sdk.NewConfiguration()
	config.Servers = sdk.ServerConfigurations{{URL: baseURL}}
	client := sdk.NewAPIClient(config)
	ctx := context.WithValue(context.Background(), sdk.ContextAccessToken, "test-token")
	var result report

	cart, response, err := client.CartsApi.GetCart(ctx, customerID, cartID).Execute()
	if err != nil {
		return result, describe("GET", response, err)
	}
	result.Read = summarize(cart)

	updated, response, err := client.CartsApi.UpdateCart(ctx, customerID, cartID).CartUpdate(plusOne(cart)).Execute()
	if err != nil {
		return result, describe("PUT", response, err)
	}
	result.Updated = summarize(updated)

	reread, response, err := client.CartsApi.GetCart(ctx, customerID, cartID).Execute()
	if err != nil {
		return result, describe("second GET", response, err)
	}
	result.Reread = summarize(reread)

	notFoundConfig := sdk.NewConfiguration()
	notFoundConfig.Servers = config.Servers
	for name, value := range notFoundHeaders {
		notFoundConfig.AddDefaultHeader(name, value)
	}
	_, response, err = sdk.NewAPIClient(notFoundConfig).CartsApi.GetCart(ctx, customerID, missingCartID).Execute()
	var apiError sdk.GenericOpenAPIError
	if !errors.As(err, &apiError) || response == nil {
		return result, fmt.Errorf("GET of a missing cart: want an API error with a response, got %v", err)
	}
	body, ok := apiError.Model().(sdk.PartnerCenterError)
	if !ok {
		return result, fmt.Errorf("GET of a missing cart: error model is %T, want PartnerCenterError", apiError.Model())
	}
	result.NotFound = notFoundSummary{Status: response.StatusCode, Description: body.Description}
	if body.Code != nil {
		result.NotFound.Code = *body.Code
	}
	return result, nil
}

func main() {
	baseURL := flag.String("base-url", "", "service base URL, e.g. http://127.0.0.1:4010")
	customerID := flag.String("customer", "", "customer id")
	cartID := flag.String("cart", "", "id of a cart that exists")
	missingCartID := flag.String("missing-cart", "", "id of a cart that does not exist")
	preferNotFound := flag.Bool("prefer-404", false, "send Prefer: code=404 with the missing-cart GET (for the Prism mock)")
	flag.Parse()
	notFoundHeaders := map[string]string{}
	if *preferNotFound {
		notFoundHeaders["Prefer"] = "code=404"
	}
	result, err := run(*baseURL, *customerID, *cartID, *missingCartID, notFoundHeaders)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := json.NewEncoder(os.Stdout).Encode(result); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
