from __future__ import absolute_import

# flake8: noqa

# import apis into api package
from partner_center_cart.api.carts_api import CartsApi
