/** What every counting method shares: options, the lot order, errors. */
package org.smolny.count.method;
