"""The demo shop's world: customers' names, products, carriers and six AliExpress suppliers."""

from __future__ import annotations

from dataclasses import dataclass

FIRST_NAMES = (
    "Anna Lena Jonas Lukas Mia Emma Paul Leon Sofia Marie Felix Noah Clara Ben Hannah Elias "
    "Lea Finn Emilia Luis Ida Max Nora Tom Julia Jan Laura Moritz Sarah David"
).split()
LAST_NAMES = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter "
    "Klein Wolf Neumann Schwarz Braun Zimmermann Krüger Hartmann Lange Werner Krause Lehmann "
    "Smith Jones Novak Rossi Dubois Jansen"
).split()
PRODUCTS = (
    ("LED Strip Lights 5m RGB", "LED-5M-RGB", 1999),
    ("Magnetic Phone Holder", "MAG-HOLD-01", 1299),
    ("Silicone Baking Mat Set", "BAKE-MAT-3", 1599),
    ("Wireless Earbuds Pro", "EAR-PRO-BLK", 3499),
    ("Cat Tunnel Foldable", "PET-TUN-90", 2299),
    ("Posture Corrector", "POST-COR-M", 1899),
    ("Mini Projector 1080p", "PROJ-MINI", 8999),
    ("Bamboo Cutting Board", "KIT-BAM-L", 2499),
    ("Smart Watch Band 22mm", "BAND-22-SIL", 999),
    ("Car Seat Gap Filler", "CAR-GAP-2", 1499),
    ("Dog Harness No-Pull", "PET-HAR-L", 2799),
    ("Facial Ice Roller", "BEAU-ROLL", 1199),
)
CARRIERS = ("Cainiao", "YunExpress", "4PX", "AliExpress Standard Shipping", "China Post")


@dataclass(frozen=True)
class DemoSupplier:
    name: str
    store_id: str
    ship_window_days: int
    cancel_within_hours: int | None
    returns_allowed_for: str
    refund_days: tuple[int, int]
    written_policy: bool
    reliability: float  # share of orders shipped inside the window


SUPPLIERS = (
    DemoSupplier(
        "Shenzhen Bright Home Store",
        "1101234567",
        7,
        24,
        "damaged,not_as_described",
        (3, 15),
        True,
        0.93,
    ),
    DemoSupplier("Yiwu Trendy Accessories", "1102345678", 5, 12, "damaged", (5, 20), True, 0.88),
    DemoSupplier(
        "Guangzhou Fashion Hub",
        "1103456789",
        10,
        48,
        "damaged,wrong_size,not_as_described",
        (3, 10),
        True,
        0.9,
    ),
    DemoSupplier("Dongguan Gadget Factory", "1104567890", 7, None, "", (7, 20), False, 0.75),
    DemoSupplier(
        "Hangzhou Pet Supplies",
        "1105678901",
        8,
        24,
        "damaged,not_as_described",
        (3, 15),
        True,
        0.95,
    ),
    DemoSupplier("Ningbo Kitchen Pro", "1106789012", 6, 6, "damaged", (5, 15), False, 0.85),
)
