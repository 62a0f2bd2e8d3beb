package org.clinic;
import java.util.List;
public class Preferences { public String language; public List<String> channels; }
