package org.shipping;
import java.io.Serializable;
public class ParcelId implements Serializable { Long shipment; int number; }
